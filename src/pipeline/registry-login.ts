// The engine as the pipeline's docker commands use it: logged in to the image's registry when the
// action was given credentials, through a Docker config of its own that the post step removes.
import * as core from '../runner/core.js'
import { createDockerConfig, login } from '../docker/config.js'
import type { Docker } from '../docker/docker.js'
import { dockerConfigDir } from '../registry/credentials.js'
import type { BuildSettings } from '../settings/build.js'
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
