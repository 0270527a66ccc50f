// The engine's HTTP API on its unix socket, reached the way the docker CLI would reach it: only when
// DOCKER_HOST is unset or unix:// and no docker context is chosen. Anything else is left to the CLI.
import { request } from 'node:http'
import { dockerConfigDir } from '../registry/credentials.js'
import { readCapped } from '../registry/body.js'
import { readDockerConfigFile } from '../registry/docker-config-file.js'

/** The engine's own default on Linux. */
const DEFAULT_SOCKET = '/var/run/docker.sock'
/** Inspect answers are a few KiB; an engine that sends more is not read further. */
const ANSWER_LIMIT = 4 * 1024 * 1024

export interface EngineAnswer {
  readonly status: number
  readonly body: string
}

/** The config's chosen context, as the CLI reads it: '' for none, undefined when unreadable. */
async function currentContext(configDir: string): Promise<string | undefined> {
  const read = await readDockerConfigFile(configDir)
  if (read.kind === 'absent') return ''
  if (read.kind === 'invalid') return undefined
  const context = read.config.currentContext
  return typeof context === 'string' ? context : ''
}

/** Answers by environment: a run asks with one or two, each quiet docker command again. */
const sockets = new Map<string, Promise<string | undefined>>()

/**
 * The unix socket the CLI would talk to with this environment, or undefined when it would go
 * elsewhere (tcp://, ssh://, a context of the user's) or its config cannot be read.
 */
export function engineSocket(
  env: Readonly<Record<string, string | undefined>>
): Promise<string | undefined> {
  const configDir = dockerConfigDir(env)
  const key = JSON.stringify([env.DOCKER_CONTEXT, env.DOCKER_HOST, configDir])
  let socket = sockets.get(key)
  if (socket === undefined) {
    socket = resolveSocket(env, configDir)
    sockets.set(key, socket)
  }
  return socket
}

async function resolveSocket(
  env: Readonly<Record<string, string | undefined>>,
  configDir: string
): Promise<string | undefined> {
  const context = env.DOCKER_CONTEXT ?? (await currentContext(configDir))
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
