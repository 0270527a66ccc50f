// HTTP for the registry client: a timeout on every request, retries with backoff on transient faults.

export interface RetryPolicy {
  readonly attempts: number
  readonly baseDelayMs: number
  readonly maxDelayMs: number
  readonly timeoutMs: number
}

/** IMMUTABLE_IMAGE_REGISTRY_TIMEOUT_MS shortens the per-request timeout (fault tests use it). */
function timeoutFromEnv(fallback: number): number {
  const value = Number(process.env.IMMUTABLE_IMAGE_REGISTRY_TIMEOUT_MS)
  return Number.isInteger(value) && value > 0 ? value : fallback
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  timeoutMs: timeoutFromEnv(30_000)
}

export interface HttpRequest {
  readonly method: 'GET' | 'HEAD' | 'PUT' | 'POST'
  readonly url: string
  readonly headers?: Record<string, string>
  readonly body?: Uint8Array | string
}

export interface HttpResponse {
  readonly status: number
  readonly headers: Headers
  readonly body: Buffer
}

export type Sleep = (ms: number) => Promise<void>

const sleepFor: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

function isTransient(status: number): boolean {
  return status === 429 || status === 408 || status >= 500
}

/** `Retry-After` in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Full jitter: a random delay up to the exponential bound, so parallel clients spread out. */
export function backoffMs(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const bound = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)
  return Math.round(bound / 2 + (random() * bound) / 2)
}

export class TransportError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'TransportError'
  }
}

/** Sends a request, retrying 408/429/5xx and network errors; returns the last response. */
export async function send(
  request: HttpRequest,
  policy: RetryPolicy = DEFAULT_RETRY,
  sleep: Sleep = sleepFor
): Promise<HttpResponse> {
  for (let attempt = 0; ; attempt++) {
    const last = attempt === policy.attempts - 1
    let response: HttpResponse
    try {
      response = await sendOnce(request, policy.timeoutMs)
    } catch (error) {
      if (last) throw describeTransportError(request, error, policy.attempts)
      await sleep(backoffMs(attempt, policy))
      continue
    }
    if (!isTransient(response.status) || last) return response
    const wait = retryAfterMs(response.headers.get('retry-after')) ?? backoffMs(attempt, policy)
    await sleep(Math.min(wait, policy.maxDelayMs * 6))
  }
}

async function sendOnce(request: HttpRequest, timeoutMs: number): Promise<HttpResponse> {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers ?? {},
    ...(request.body === undefined ? {} : { body: request.body }),
    redirect: 'follow',
    signal: AbortSignal.timeout(timeoutMs)
  })
  const body = Buffer.from(await response.arrayBuffer())
  return { status: response.status, headers: response.headers, body }
}

function describeTransportError(request: HttpRequest, error: unknown, attempts: number): Error {
  const host = new URL(request.url).host
  const cause = error instanceof Error ? error : new Error(String(error))
  const reason =
    cause.name === 'TimeoutError'
      ? 'timed out'
      : ((cause.cause as { code?: string } | undefined)?.code ?? cause.message)
  return new TransportError(
    `${request.method} ${host} failed after ${attempts} attempts: ${reason}`,
    {
      cause
    }
  )
}
