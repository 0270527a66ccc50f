// The post step: remove the Docker config that held this job's registry login.
import * as core from '@actions/core'
import { removeDockerConfig } from '../docker/config.js'
import { getErrorMessage } from '../errors.js'
import { dockerConfigDirToRemove } from '../state.js'

export async function post(): Promise<void> {
  const dir = dockerConfigDirToRemove()
  if (dir === '') return
  try {
    await removeDockerConfig(dir)
    core.info('Removed the Docker config holding the registry login.')
  } catch (error) {
    core.warning(`Could not remove ${dir}: ${getErrorMessage(error)}`)
  }
}
