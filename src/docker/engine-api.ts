// The engine's HTTP API on its unix socket, reached the way the docker CLI would reach it: only when
// DOCKER_HOST is unset or unix:// and no docker context is chosen. Anything else is left to the CLI.
import { request } from 'node:http'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { dockerConfigDir } from '../registry/credentials.js'
import { readCapped } from '../registry/body.js'

/** The engine's own default on Linux. */
const DEFAULT_SOCKET = '/var/run/docker.sock'
/** Inspect answers are a few KiB; an engine that sends more is not read further. */
const ANSWER_LIMIT = 4 * 1024 * 1024
const CONFIG_READ_LIMIT = 1024 * 1024

export interface EngineAnswer {
  readonly status: number
  readonly body: string
}

/** The config's chosen context, as the CLI reads it; '' for none. */
function currentContext(configDir: string): string {
  try {
    const file = join(configDir, 'config.json')
    if (statSync(file).size > CONFIG_READ_LIMIT) return 'unknown'
    const config: unknown = JSON.parse(readFileSync(file, 'utf8'))
    const context = (config as { currentContext?: unknown } | null)?.currentContext
    return typeof context === 'string' ? context : ''
  } catch {
    return ''
  }
}

/**
 * The unix socket the CLI would talk to with this environment, or undefined when it would go
 * elsewhere (tcp://, ssh://, a context of the user's).
 */
export function engineSocket(
  env: Readonly<Record<string, string | undefined>>
): string | undefined {
  const context = env.DOCKER_CONTEXT ?? currentContext(dockerConfigDir(env))
  if (context !== '' && context !== 'default') return undefined
  const host = env.DOCKER_HOST ?? ''
  if (host === '') return DEFAULT_SOCKET
  return host.startsWith('unix://') ? host.slice('unix://'.length) : undefined
}

/**
 * One request to the engine; undefined when the socket does not answer (missing, refused), so the
 * caller asks the CLI, which says why in its own words.
 */
export function askEngine(
  socketPath: string,
  method: 'GET' | 'POST' | 'DELETE',
  path: string
): Promise<EngineAnswer | undefined> {
  return new Promise((resolve) => {
    const call = request({ socketPath, method, path, headers: { Host: 'docker' } }, (response) => {
      readCapped(
        response,
        response.headers['content-length'] ?? null,
        ANSWER_LIMIT,
        "the engine's answer",
        () => response.destroy()
      ).then(
        (body) => {
          resolve({ status: response.statusCode ?? 0, body: body.toString('utf8') })
        },
        () => {
          resolve(undefined)
        }
      )
    })
    call.on('error', () => {
      resolve(undefined)
    })
    call.end()
  })
}
