// Which GitHub API failures are worth another attempt, on the shared retry loop.
import {
  BACK_OFF,
  failedBeforeSending,
  retryAfterMs,
  sleepFor,
  STOP,
  withRetry,
  type RetryPolicy,
  type RetryVerdict,
  type Sleep
} from '../retry.js'

export const DEFAULT_GITHUB_RETRY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 16_000,
  maxWaitMs: 60_000
}

interface HttpishError {
  status?: number
  response?: { headers?: Record<string, string | undefined> }
}

/**
 * GitHub refused the call before acting on it: a rate limit (primary, with its reset time, or
 * secondary, with Retry-After). Waiting is the fix, and nothing was created.
 */
function rateLimitWait(error: unknown, now: number): number | undefined {
  const { status, response } = (error ?? {}) as HttpishError
  const headers = response?.headers ?? {}
  const retryAfter = retryAfterMs(headers['retry-after'], now)
  if (retryAfter !== undefined && (status === 403 || status === 429 || status === 503)) {
    return retryAfter
  }
  if ((status === 403 || status === 429) && headers['x-ratelimit-remaining'] === '0') {
    const reset = Number(headers['x-ratelimit-reset'] ?? 0) * 1000
    return Math.max(0, reset - now) + 1000
  }
  return undefined
}

/** For reads and updates, which may be repeated: rate limits, server errors, network failures. */
export function readVerdict(error: unknown, now = Date.now()): RetryVerdict {
  const wait = rateLimitWait(error, now)
  if (wait !== undefined) return { retry: true, afterMs: wait }
  const { status, response } = (error ?? {}) as HttpishError
  if (status !== undefined && status < 500 && status !== 429) return STOP
  const asked = retryAfterMs(response?.headers?.['retry-after'], now)
  return asked === undefined ? BACK_OFF : { retry: true, afterMs: asked }
}

/**
 * For a call that creates something (a deployment): a 500, a reset or a timeout may come after
 * GitHub created it, and another attempt would make a duplicate. Retried only when the failure
 * proves nothing was created: a rate limit, or a connection that never left this machine.
 */
export function createVerdict(error: unknown, now = Date.now()): RetryVerdict {
  const wait = rateLimitWait(error, now)
  if (wait !== undefined) return { retry: true, afterMs: wait }
  return failedBeforeSending(error) ? BACK_OFF : STOP
}

function judged(
  verdict: (error: unknown) => RetryVerdict
): (outcome: { ok: boolean; error?: unknown }) => RetryVerdict {
  return (outcome) => (outcome.ok ? STOP : verdict(outcome.error))
}

/** A read or an update, retried through rate limits, server errors and network failures. */
export function withGitHubRetry<T>(
  call: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_GITHUB_RETRY,
  sleep: Sleep = sleepFor
): Promise<T> {
  return withRetry(call, judged(readVerdict), policy, sleep)
}

/** A call that creates something, retried only when GitHub cannot have acted on it. */
export function withGitHubCreateRetry<T>(
  call: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_GITHUB_RETRY,
  sleep: Sleep = sleepFor
): Promise<T> {
  return withRetry(call, judged(createVerdict), policy, sleep)
}
