// The post step: remove what the main step left behind (its registry login, a test container),
// checking first that each is the action's own: the names come from state, which may be forged.
import * as core from '../runner/core.js'
import { removeOwnDockerConfig } from '../docker/config.js'
import { Docker } from '../docker/docker.js'
import { getErrorMessage } from '../errors.js'
import { printable } from '../settings/inputs.js'
import { dockerConfigDirToRemove, testContainerToRemove } from '../state.js'
import { removeTestContainer, TEST_CONTAINER_NAME } from '../pipeline/image-test.js'

export async function post(): Promise<void> {
  await removeLeftTestContainer()
  await removeDockerConfig()
}

async function removeLeftTestContainer(): Promise<void> {
  const name = testContainerToRemove()
  if (name === '') return
  if (!TEST_CONTAINER_NAME.test(name)) {
    core.warning(`Did not remove the container '${printable(name)}': not a test container name.`)
    return
  }
  try {
    if (await removeTestContainer(new Docker(), name))
      core.info(`Removed the test container ${name} that the main step left running.`)
  } catch (error) {
    core.warning(`Could not remove the test container ${name}: ${getErrorMessage(error)}`)
  }
}

async function removeDockerConfig(): Promise<void> {
  const dir = dockerConfigDirToRemove()
  if (dir === '') return
  const removal = await removeOwnDockerConfig(dir)
  if (removal.removed) core.info('Removed the Docker config holding the registry login.')
  else core.warning(`Did not remove '${printable(dir)}': ${removal.why}.`)
}
