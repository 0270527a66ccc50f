// Where registry credentials come from: the inputs, else the Docker config, else none.
import { homedir } from 'node:os'
import { join } from 'node:path'
import { readDockerConfigFile } from './docker-config-file.js'
import { DOCKER_HUB } from './reference.js'

export interface Credentials {
  readonly username: string
  readonly password: string
}

const DOCKER_HUB_CONFIG_KEYS = [
  'https://index.docker.io/v1/',
  'index.docker.io',
  'docker.io',
  'registry-1.docker.io'
]

/** What the engine is handed to log in with: credentials, or the identity token a login left. */
export type RegistryLogin = Credentials | { readonly identityToken: string }

/** The username a credential helper answers when its secret is an identity token. */
const IDENTITY_TOKEN_USERNAME = '<token>'

interface AuthsEntry {
  auth?: string
  username?: string
  password?: string
  identitytoken?: string
}

interface DockerConfig {
  auths?: Record<string, AuthsEntry>
  credHelpers?: Record<string, string>
  credsStore?: string
}

export function dockerConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOCKER_CONFIG ?? join(homedir(), '.docker')
}

/**
 * What `docker login` left for this registry: the `auths` entry docker/login-action writes, else
 * what the configured credential helper (`credHelpers`, `credsStore`) answers.
 */
export async function credentialsFromDockerConfig(
  registry: string,
  configDir: string
): Promise<Credentials | undefined> {
  const read = await readDockerConfigFile(configDir)
  return read.kind === 'object' ? credentialsIn(read.config, registry) : undefined
}

/**
 * The login `docker push` hands the engine from this config: the identity token an `auths` entry
 * or a helper holds (`az acr login` leaves one), else the credentials read as above.
 */
export async function loginFromDockerConfig(
  registry: string,
  configDir: string
): Promise<RegistryLogin | undefined> {
  const read = await readDockerConfigFile(configDir)
  if (read.kind !== 'object') return undefined
  const config = read.config as DockerConfig
  const token = authsEntries(config, configKeys(registry)).find(
    (entry) => typeof entry.identitytoken === 'string' && entry.identitytoken !== ''
  )?.identitytoken
  if (token !== undefined) return { identityToken: token }
  const credentials = await credentialsIn(config, registry)
  return credentials?.username === IDENTITY_TOKEN_USERNAME
    ? { identityToken: credentials.password }
    : credentials
}

function configKeys(registry: string): readonly string[] {
  return registry === DOCKER_HUB ? DOCKER_HUB_CONFIG_KEYS : [registry]
}

function credentialsIn(config: DockerConfig, registry: string): Promise<Credentials | undefined> {
  const keys = configKeys(registry)
  const helper = config.credHelpers?.[registry] ?? config.credsStore
  const fromFile = fromAuths(authsEntries(config, keys))
  if (fromFile !== undefined || helper === undefined) return Promise.resolve(fromFile)
  return fromHelper(helper, keys[0] ?? registry)
}

/** The `auths` entries for these keys, by key or by the host a URL key names. */
function authsEntries(config: DockerConfig, keys: readonly string[]): AuthsEntry[] {
  return Object.entries(config.auths ?? {})
    .filter(([key]) => {
      const host = key.replace(/^https?:\/\//, '').replace(/\/.*$/, '')
      return keys.includes(key) || keys.includes(host)
    })
    .map(([, entry]) => entry)
}

function fromAuths(entries: readonly AuthsEntry[]): Credentials | undefined {
  for (const entry of entries) {
    if (entry.auth !== undefined && entry.auth !== '') {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8')
      const colon = decoded.indexOf(':')
      if (colon > 0)
        return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
    }
    if (entry.username !== undefined && entry.password !== undefined) {
      return { username: entry.username, password: entry.password }
    }
  }
  return undefined
}

/** Docker's credential-helper protocol: the server URL on stdin, `{Username, Secret}` on stdout. */
async function fromHelper(helper: string, serverUrl: string): Promise<Credentials | undefined> {
  if (!/^[A-Za-z0-9._-]+$/.test(helper)) return undefined
  const answer = await new Promise<string | undefined>((resolve) => {
    const child = process
      .getBuiltinModule('node:child_process')
      .execFile(`docker-credential-${helper}`, ['get'], { timeout: 10_000 }, (error, stdout) => {
        resolve(error === null ? stdout : undefined)
      })
    // A helper may exit without reading its stdin; its exit status and stdout decide, not EPIPE.
    child.stdin?.on('error', () => undefined)
    child.stdin?.end(serverUrl)
  })
  if (answer === undefined) return undefined
  try {
    const { Username, Secret } = JSON.parse(answer) as { Username?: string; Secret?: string }
    return Username && Secret ? { username: Username, password: Secret } : undefined
  } catch {
    return undefined
  }
}
