// A Docker config directory of our own under RUNNER_TEMP, so a login never outlives the job.
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, isAbsolute, join } from 'node:path'
import { ActionError, getErrorMessage } from '../errors.js'
import { readDockerConfigFile } from '../registry/docker-config-file.js'
import { DOCKER_HUB } from '../registry/reference.js'
import type { Credentials } from '../registry/credentials.js'
import type { Docker } from './docker.js'

/**
 * Copies what the job's Docker config already holds (logins made by docker/login-action, the buildx
 * builder chosen by setup-buildx-action) so logging in here adds to it rather than hiding it.
 */
export async function createDockerConfig(
  userConfigDir: string,
  env: NodeJS.ProcessEnv = process.env
): Promise<string> {
  // Loaded here, not at start: a re-run that reuses its image never logs in.
  const { copyFile, mkdir, mkdtemp, symlink } = process.getBuiltinModule('node:fs/promises')
  const parent = configParent(env)
  await mkdir(parent, { recursive: true })
  const dir = await mkdtemp(join(parent, CONFIG_PREFIX))
  if (existsSync(join(userConfigDir, 'config.json'))) {
    await copyFile(join(userConfigDir, 'config.json'), join(dir, 'config.json'))
  }
  for (const shared of ['buildx', 'cli-plugins', 'contexts']) {
    if (existsSync(join(userConfigDir, shared)))
      await symlink(join(userConfigDir, shared), join(dir, shared))
  }
  return dir
}

const CONFIG_PREFIX = 'immutable-image-docker-'
/** mkdtemp appends six characters from this set. */
const OWN_CONFIG_NAME = /^immutable-image-docker-[A-Za-z0-9]{6}$/

function configParent(env: NodeJS.ProcessEnv): string {
  return env.RUNNER_TEMP ?? tmpdir()
}

export type Removal = { readonly removed: true } | { readonly removed: false; readonly why: string }

/**
 * Removes `dir` only when it is a config this action created: a real directory (not a symlink)
 * directly under RUNNER_TEMP, named with our prefix. The post step reads `dir` from state, which
 * untrusted output may have written; anything else is left where it is.
 */
export async function removeOwnDockerConfig(
  dir: string,
  env: NodeJS.ProcessEnv = process.env
): Promise<Removal> {
  if (!isAbsolute(dir) || !OWN_CONFIG_NAME.test(basename(dir))) {
    return { removed: false, why: `it is not named ${CONFIG_PREFIX}… as the action names its own` }
  }
  const { lstat, realpath, rm } = process.getBuiltinModule('node:fs/promises')
  const entry = await lstat(dir).catch(() => undefined)
  if (entry === undefined) return { removed: false, why: 'it does not exist' }
  if (!entry.isDirectory()) return { removed: false, why: 'it is not a directory' }
  try {
    const [real, parent] = await Promise.all([realpath(dir), realpath(configParent(env))])
    if (real !== join(parent, basename(dir))) {
      return { removed: false, why: `it is not directly under RUNNER_TEMP (${parent})` }
    }
    await rm(real, { recursive: true, force: true })
    return { removed: true }
  } catch (error) {
    return { removed: false, why: getErrorMessage(error) }
  }
}

/** The names a Docker config may key a registry's helper by. */
function helperKeys(registry: string): string[] {
  if (registry !== DOCKER_HUB) return [registry]
  return [DOCKER_HUB, 'index.docker.io', 'registry-1.docker.io', 'https://index.docker.io/v1/']
}

/**
 * Pins `registry` to the config file's own store: with `credsStore` or a `credHelpers` entry,
 * `docker login` would hand the password to the machine's helper, where it outlives the job. An
 * empty helper name is how Docker spells "this file" (getConfiguredCredentialStore), so every other
 * registry keeps its helper and base images still pull through it.
 */
export function keepLoginInFile(
  config: Record<string, unknown>,
  registry: string
): Record<string, unknown> {
  const helpers = config.credHelpers
  const kept = typeof helpers === 'object' && helpers !== null ? helpers : {}
  const pinned = Object.fromEntries(helperKeys(registry).map((key) => [key, '']))
  return { ...config, credHelpers: { ...kept, ...pinned } }
}

/** The key `docker login` files a registry's credentials under in `auths`. */
function authsKey(registry: string): string {
  return registry === DOCKER_HUB ? 'https://index.docker.io/v1/' : registry
}

/**
 * Writes the login into the config file, as `docker login` does when the registry is pinned to the
 * file (keepLoginInFile): no process to start. The registry checks the credentials on the run's
 * first request: the SHA tag's lookup, or the check made before the build when there is none.
 */
async function writeLogin(
  configDir: string,
  registry: string,
  credentials: Credentials
): Promise<void> {
  const file = join(configDir, 'config.json')
  const read = await readDockerConfigFile(configDir)
  if (read.kind === 'invalid')
    throw new ActionError(`the Docker config ${file} is not a JSON object`)
  const config = read.kind === 'object' ? read.config : {}
  const auths = typeof config.auths === 'object' && config.auths !== null ? config.auths : {}
  const auth = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')
  const loggedIn = {
    ...keepLoginInFile(config, registry),
    auths: { ...auths, [authsKey(registry)]: { auth } }
  }
  const { chmod, writeFile } = process.getBuiltinModule('node:fs/promises')
  await writeFile(file, JSON.stringify(loggedIn, null, 2), { mode: 0o600 })
  await chmod(file, 0o600)
}

export async function login(
  docker: Docker,
  registry: string,
  credentials: Credentials
): Promise<void> {
  // Never the machine's global config: the login must go where the step removes it.
  if (docker.configDir === undefined) throw new Error('login needs a Docker config of our own')
  await writeLogin(docker.configDir, registry, credentials)
}
