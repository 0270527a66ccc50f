// The post step: remove the Docker config that held this job's registry login, checking first that
// it is the action's own: the path comes from state, which may be forged.
import * as core from '@actions/core'
import { removeOwnDockerConfig } from '../docker/config.js'
import { printable } from '../settings/inputs.js'
import { dockerConfigDirToRemove } from '../state.js'

export async function post(): Promise<void> {
  const dir = dockerConfigDirToRemove()
  if (dir === '') return
  const removal = await removeOwnDockerConfig(dir)
  if (removal.removed) core.info('Removed the Docker config holding the registry login.')
  else core.warning(`Did not remove '${printable(dir)}': ${removal.why}.`)
}
