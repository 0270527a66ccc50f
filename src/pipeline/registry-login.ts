// The engine as the pipeline's docker commands use it: logged in to the image's registry when the
// action was given credentials, through a Docker config of its own that the main step removes at its
// end (the post step only when the main step could not).
import * as core from '../runner/core.js'
import { createDockerConfig, login, removeOwnDockerConfig } from '../docker/config.js'
import type { Docker } from '../docker/docker.js'
import { dockerConfigDir } from '../registry/credentials.js'
import type { BuildSettings } from '../settings/build.js'
import { printable } from '../settings/inputs.js'
import { saveDockerConfigDir } from '../state.js'

export async function loggedInEngine(
  engine: Docker,
  { credentials, image }: Pick<BuildSettings, 'credentials' | 'image'>
): Promise<Docker> {
  if (credentials === undefined) return engine
  const configDir = await createDockerConfig(dockerConfigDir())
  saveDockerConfigDir(configDir)
  const own = engine.withConfig(configDir)
  await core.group(`Log in to ${image.registry}`, () => login(own, image.registry, credentials))
  return own
}

/**
 * Removes the login at the end of the main step, so that the post step has nothing left to do; a
 * config this cannot remove stays in state for the post step to try again.
 */
export async function removeLogin(engine: Docker): Promise<void> {
  const dir = engine.configDir
  if (dir === undefined) return
  const removal = await removeOwnDockerConfig(dir)
  if (removal.removed) saveDockerConfigDir('')
  else core.warning(`Did not remove '${printable(dir)}' yet: ${removal.why}.`)
}
