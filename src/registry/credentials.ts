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

interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string }>
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
  if (read.kind !== 'object') return undefined
  const config = read.config as DockerConfig
  const keys = registry === DOCKER_HUB ? DOCKER_HUB_CONFIG_KEYS : [registry]
  const helper = config.credHelpers?.[registry] ?? config.credsStore
  return (
    fromAuths(config, keys) ??
    (helper === undefined ? undefined : fromHelper(helper, keys[0] ?? registry))
  )
}

function fromAuths(config: DockerConfig, keys: readonly string[]): Credentials | undefined {
  for (const [key, entry] of Object.entries(config.auths ?? {})) {
    const host = key.replace(/^https?:\/\//, '').replace(/\/.*$/, '')
    if (!keys.includes(key) && !keys.includes(host)) continue
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
