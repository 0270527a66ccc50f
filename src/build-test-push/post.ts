// The post step: remove what the main step left behind (its registry login, a test or smoke-test container),
// checking first that each is the action's own: the names come from state, which may be forged.
import * as core from '../runner/core.js'
import { removeOwnDockerConfig } from '../docker/config.js'
import { Docker } from '../docker/docker.js'
import { getErrorMessage } from '../errors.js'
import { printable } from '../settings/inputs.js'
import { dockerConfigDirToRemove, smokeContainerToRemove, testContainerToRemove } from '../state.js'
import {
  CONTAINER_NAMES,
  removeTestContainer,
  type ContainerKind
} from '../pipeline/test-containers.js'

export async function post(): Promise<void> {
  await removeLeftContainer('test', testContainerToRemove())
  await removeLeftContainer('smoke', smokeContainerToRemove())
  await removeDockerConfig()
}

async function removeLeftContainer(kind: ContainerKind, name: string): Promise<void> {
  if (name === '') return
  if (!CONTAINER_NAMES[kind].test(name)) {
    core.warning(`Did not remove the container '${printable(name)}': not a ${kind} container name.`)
    return
  }
  try {
    if (await removeTestContainer(new Docker(), name))
      core.info(`Removed the ${kind} container ${name} that the main step left running.`)
  } catch (error) {
    core.warning(`Could not remove the ${kind} container ${name}: ${getErrorMessage(error)}`)
  }
}

async function removeDockerConfig(): Promise<void> {
  const dir = dockerConfigDirToRemove()
  if (dir === '') return
  const removal = await removeOwnDockerConfig(dir)
  if (removal.removed) core.info('Removed the Docker config holding the registry login.')
  else core.warning(`Did not remove '${printable(dir)}': ${removal.why}.`)
}
