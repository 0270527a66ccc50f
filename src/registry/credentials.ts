// Where registry credentials come from: the inputs, else the Docker config, else none.
import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
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
}

export function dockerConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOCKER_CONFIG ?? join(homedir(), '.docker')
}

/** The `auths` entry docker/login-action (or `docker login`) stored for this registry. */
export async function credentialsFromDockerConfig(
  registry: string,
  configDir: string
): Promise<Credentials | undefined> {
  let config: DockerConfig
  try {
    config = JSON.parse(await readFile(join(configDir, 'config.json'), 'utf8')) as DockerConfig
  } catch {
    return undefined
  }
  const keys = registry === DOCKER_HUB ? DOCKER_HUB_CONFIG_KEYS : [registry]
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
