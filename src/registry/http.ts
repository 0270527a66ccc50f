// HTTP for the registry client: a timeout on every request, capped bodies, the shared retry loop.
import {
  BACK_OFF,
  retryAfterMs,
  sleepFor,
  STOP,
  withRetry,
  type AttemptOutcome,
  type RetryPolicy,
  type RetryVerdict,
  type Sleep
} from '../retry.js'
import { BodyTooLargeError, ERROR_BODY_LIMIT, readCapped } from './body.js'
import { registryText } from './errors.js'
import { exchange, type ResponseHeaders } from './wire.js'

export type { ResponseHeaders } from './wire.js'

export interface RegistryRetryPolicy extends RetryPolicy {
  readonly timeoutMs: number
}

/** IMMUTABLE_IMAGE_REGISTRY_TIMEOUT_MS shortens the per-request timeout (fault tests use it). */
function timeoutFromEnv(fallback: number): number {
  const value = Number(process.env.IMMUTABLE_IMAGE_REGISTRY_TIMEOUT_MS)
  return Number.isInteger(value) && value > 0 ? value : fallback
}

export const DEFAULT_RETRY: RegistryRetryPolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxWaitMs: 60_000,
  timeoutMs: timeoutFromEnv(30_000)
}

export interface HttpRequest {
  readonly method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'PATCH'
  readonly url: string
  readonly headers?: Record<string, string>
  readonly body?: Uint8Array | string
  /** The most bytes a successful answer may carry; error answers get ERROR_BODY_LIMIT. */
  readonly bodyLimit: number
  /** What the body is, for the error when it is too large ("the manifest of acme/web:v1"). */
  readonly what: string
  /**
   * Redirects are followed one hop at a time, each target checked first: the reason it is
   * refused, or undefined to follow it. Unset: any target is followed.
   */
  readonly checkRedirect?: (target: URL) => string | undefined
}

export interface HttpResponse {
  readonly status: number
  readonly headers: ResponseHeaders
  readonly body: Buffer
}

/** A failure that another attempt cannot fix: not retried. */
export class RefusedAnswerError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RefusedAnswerError'
  }
}

const MAX_REDIRECTS = 5

export class TransportError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'TransportError'
  }
}

function isTransient(status: number): boolean {
  return status === 429 || status === 408 || status >= 500
}

/**
 * Every registry call is a read or a PUT of the same bytes, so repeating one is safe: 408, 429,
 * 5xx and network failures are retried. A body over its cap is not: it would be as large again.
 */
function registryVerdict(outcome: AttemptOutcome<HttpResponse>): RetryVerdict {
  if (!outcome.ok) {
    const final =
      outcome.error instanceof BodyTooLargeError || outcome.error instanceof RefusedAnswerError
    return final ? STOP : BACK_OFF
  }
  if (!isTransient(outcome.value.status)) return STOP
  const asked = retryAfterMs(outcome.value.headers.get('retry-after'))
  return asked === undefined ? BACK_OFF : { retry: true, afterMs: asked }
}

/** Sends a request through the retry policy; returns the last response, or throws TransportError. */
export async function send(
  request: HttpRequest,
  policy: RegistryRetryPolicy = DEFAULT_RETRY,
  sleep: Sleep = sleepFor
): Promise<HttpResponse> {
  try {
    return await withRetry(
      () => sendOnce(request, policy.timeoutMs),
      registryVerdict,
      policy,
      sleep
    )
  } catch (error) {
    if (error instanceof BodyTooLargeError || error instanceof RefusedAnswerError) throw error
    throw describeTransportError(request, error, policy.attempts)
  }
}

async function sendOnce(request: HttpRequest, timeoutMs: number, hops = 0): Promise<HttpResponse> {
  const response = await exchange({
    method: request.method,
    url: new URL(request.url),
    headers: request.headers ?? {},
    body: request.body === undefined ? undefined : Buffer.from(request.body),
    timeoutMs
  })
  const location = response.headers.get('location')
  if (isRedirect(response.status) && location !== null) {
    response.abort()
    return sendOnce(redirected(request, location, hops), timeoutMs, hops + 1)
  }
  const ok = response.status >= 200 && response.status < 300
  let body: Buffer
  try {
    body = await readCapped(
      response.body,
      // A HEAD answer's Content-Length is the size of what a GET would send: no body follows.
      request.method === 'HEAD' ? null : response.headers.get('content-length'),
      ok ? request.bodyLimit : ERROR_BODY_LIMIT,
      ok ? request.what : `the error answer to ${request.method} ${new URL(request.url).host}`,
      () => {
        response.abort()
      }
    )
  } finally {
    response.done()
  }
  return { status: response.status, headers: response.headers, body }
}

function isRedirect(status: number): boolean {
  return [301, 302, 303, 307, 308].includes(status)
}

/** The next hop of a checked redirect, without our Authorization when it leaves the origin. */
function redirected(request: HttpRequest, location: string, hops: number): HttpRequest {
  const from = new URL(request.url)
  const target = new URL(location, from)
  const refusal =
    hops >= MAX_REDIRECTS ? `more than ${MAX_REDIRECTS} redirects` : request.checkRedirect?.(target)
  if (refusal !== undefined) {
    throw new RefusedAnswerError(
      `${from.host} redirected ${request.method} to '${registryText(target.href)}', which is refused: ${refusal}`
    )
  }
  const headers = { ...request.headers }
  if (target.origin !== from.origin) delete headers.authorization
  return { ...request, url: target.href, headers }
}

function describeTransportError(request: HttpRequest, error: unknown, attempts: number): Error {
  const host = new URL(request.url).host
  const cause = error instanceof Error ? error : new Error(String(error))
  const reason =
    cause.name === 'TimeoutError'
      ? 'timed out'
      : ((cause as { code?: string }).code ?? cause.message)
  return new TransportError(
    `${request.method} ${host} failed after ${attempts} attempts: ${reason}`,
    {
      cause
    }
  )
}
