// `docker push` through the engine's API on its unix socket: no CLI process, the CLI's output and exit
// code, the login in the X-Registry-Auth header (never an argument, never a log line).
import { request } from 'node:http'
import { EOL } from 'node:os'
import type { RegistryLogin } from '../registry/credentials.js'
import { readCapped } from '../registry/body.js'
import { DOCKER_HUB } from '../registry/reference.js'
import type { DockerResult } from './docker.js'
import { OutputTail } from './output-tail.js'
import type { UntrustedWriter } from '../log/untrusted-stream.js'

/** `docker push` ends with `<tag>: digest: sha256:… size: N`. */
export function digestFromPushOutput(output: string): string | undefined {
  const matches = Array.from(output.matchAll(/digest: (sha256:[a-f0-9]{64})/g))
  return matches.at(-1)?.[1]
}

export interface PushResult extends DockerResult {
  /** The manifest's digest as the engine pushed it; undefined when it did not say. */
  readonly digest: string | undefined
}

/** One progress message; the registry's error messages are quoted in them, so any length. */
const LINE_LIMIT = 64 * 1024
/** A push of many large layers sends a few MiB of progress; far more is not a push we follow. */
const STREAM_LIMIT = 64 * 1024 * 1024
/** What is kept of the output for the caller, as the CLI's capture keeps. */
const KEPT = 64 * 1024
/** A refusal before the push starts (no such image) is one short JSON message. */
const REFUSAL_LIMIT = 64 * 1024

/** Where the CLI says a login for Docker Hub goes. */
const DOCKER_HUB_SERVER = 'https://index.docker.io/v1/'

/**
 * The header as the CLI encodes it: the login's JSON in base64url with its padding (the engine
 * decodes Go's padded URL alphabet), `{}` for an anonymous push.
 */
export function registryAuthHeader(login: RegistryLogin | undefined, registry: string): string {
  const serveraddress = registry === DOCKER_HUB ? DOCKER_HUB_SERVER : registry
  const config =
    login === undefined
      ? {}
      : 'identityToken' in login
        ? { identitytoken: login.identityToken, serveraddress }
        : { username: login.username, password: login.password, serveraddress }
  return Buffer.from(JSON.stringify(config))
    .toString('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
}

/** What a progress stream said, line by line: the lines the CLI would print, its error, its digest. */
export class PushProgress {
  private readonly stdout = new OutputTail(KEPT)
  private error: string | undefined
  private digest: string | undefined

  constructor(private readonly show: UntrustedWriter | undefined) {}

  /** One line of the stream; text that is no JSON message is passed over, as the CLI does. */
  line(text: string): void {
    let message: Record<string, unknown>
    try {
      const parsed: unknown = JSON.parse(text)
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return
      message = parsed as Record<string, unknown>
    } catch {
      return
    }
    const detail = message.errorDetail as Record<string, unknown> | undefined
    const error = typeof detail?.message === 'string' ? detail.message : message.error
    if (typeof error === 'string') {
      this.error = error
      return
    }
    const aux = message.aux as Record<string, unknown> | undefined
    if (typeof aux?.Digest === 'string' && /^sha256:[a-f0-9]{64}$/.test(aux.Digest)) {
      this.digest = aux.Digest
    }
    // The CLI prints no progress bars when its output is not a terminal, nor the aux messages.
    if (typeof message.status !== 'string' || aux !== undefined || hasProgress(message)) return
    const id = typeof message.id === 'string' && message.id !== '' ? `${message.id}: ` : ''
    const printed = `${id}${message.status}\n`
    this.stdout.append(printed)
    this.show?.(printed)
  }

  /** The CLI's result: exit 1 with the error on stderr when the stream ended with one. */
  result(failure?: string): PushResult {
    const error = failure ?? this.error
    return {
      exitCode: error === undefined ? 0 : 1,
      stdout: this.stdout.toString(),
      stderr: error === undefined ? '' : `${error}\n`,
      // The containerd image store sends no aux message: its status line says the digest.
      digest:
        error === undefined
          ? (this.digest ?? digestFromPushOutput(this.stdout.toString()))
          : undefined
    }
  }
}

function hasProgress(message: Record<string, unknown>): boolean {
  const detail = message.progressDetail
  const moving = typeof detail === 'object' && detail !== null && Object.keys(detail).length > 0
  return moving || (typeof message.progress === 'string' && message.progress !== '')
}

/** What to push and the login to push it with (the X-Registry-Auth header's value). */
export interface EnginePush {
  readonly repository: string
  readonly tag: string
  readonly auth: string
}

/**
 * POST /images/{name}/push?tag=…; undefined when the socket does not answer (missing, refused),
 * so the caller runs the CLI, which then shows its own command line and says why in its own words.
 * A stream cut short or over its caps is a failed push: closing the connection cancels it.
 */
export function pushThroughEngine(
  socketPath: string,
  { repository, tag, auth }: EnginePush,
  show: UntrustedWriter | undefined
): Promise<PushResult | undefined> {
  const name = repository.split('/').map(encodeURIComponent).join('/')
  const path = `/images/${name}/push?${new URLSearchParams({ tag }).toString()}`
  const headers = { Host: 'docker', 'X-Registry-Auth': auth, 'Content-Length': '0' }
  return new Promise((resolve) => {
    const call = request({ socketPath, method: 'POST', path, headers }, (response) => {
      show?.(`[command]docker push ${repository}:${tag}${EOL}`)
      const status = response.statusCode ?? 0
      if (status < 200 || status > 299) {
        readCapped(
          response,
          response.headers['content-length'] ?? null,
          REFUSAL_LIMIT,
          "the engine's refusal",
          () => response.destroy()
        ).then(
          (body) => {
            resolve(refused(body.toString('utf8')))
          },
          () => {
            resolve(refused(`the engine refused the push (${status})`))
          }
        )
        return
      }
      void followStream(response, new PushProgress(show), () => response.destroy()).then(resolve)
    })
    call.on('error', () => {
      resolve(undefined)
    })
    call.end()
  })
}

/** The daemon's refusal as the CLI prints it: `Error response from daemon: <message>`. */
function refused(body: string): PushResult {
  let message = body.trim()
  try {
    const parsed = JSON.parse(body) as { message?: unknown }
    if (typeof parsed.message === 'string') message = parsed.message
  } catch {
    // Not JSON: the text itself.
  }
  return {
    exitCode: 1,
    stdout: '',
    stderr: `Error response from daemon: ${message}\n`,
    digest: undefined
  }
}

async function followStream(
  body: AsyncIterable<Buffer>,
  progress: PushProgress,
  stop: () => void
): Promise<PushResult> {
  const decoder = new TextDecoder()
  let pending = ''
  let received = 0
  try {
    for await (const chunk of body) {
      received += chunk.byteLength
      pending += decoder.decode(chunk, { stream: true })
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      if (received > STREAM_LIMIT || pending.length > LINE_LIMIT) {
        stop()
        return progress.result(
          `the engine's answer to the push is longer than ${received > STREAM_LIMIT ? '64 MiB' : 'a 64 KiB line'}: stopped reading`
        )
      }
      for (const line of lines) if (line.length <= LINE_LIMIT) progress.line(line)
    }
  } catch {
    return progress.result("the engine's answer to the push ended early")
  }
  if (pending.trim() !== '') progress.line(pending)
  return progress.result()
}
