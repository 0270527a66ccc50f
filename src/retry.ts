// The one retry loop for registry and GitHub calls: jittered backoff, Retry-After, a cap on waiting.

export interface RetryPolicy {
  readonly attempts: number
  readonly baseDelayMs: number
  /** The longest backoff between two attempts when the server does not say how long to wait. */
  readonly maxDelayMs: number
  /** The longest wait a server may ask for (Retry-After, a rate-limit reset) before we give up. */
  readonly maxWaitMs: number
}

/**
 * What to do after one attempt: stop, or try again after the wait the server asked for (or the
 * policy's backoff when it asked for none).
 */
export type RetryVerdict =
  { readonly retry: false } | { readonly retry: true; readonly afterMs?: number }

export const STOP: RetryVerdict = { retry: false }
export const BACK_OFF: RetryVerdict = { retry: true }

export type AttemptOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown }

export type Sleep = (ms: number) => Promise<void>

export const sleepFor: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** `Retry-After` in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(
  header: string | null | undefined,
  now = Date.now()
): number | undefined {
  if (header === null || header === undefined || header.trim() === '') return undefined
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Jitter in the upper half of an exponential bound, so parallel clients spread out. */
export function backoffMs(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const bound = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)
  return Math.round(bound / 2 + (random() * bound) / 2)
}

/** The `code` of an error or of any error in its `cause` chain (ECONNREFUSED, ENOTFOUND…). */
export function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; depth < 5; depth++) {
    if (typeof current !== 'object' || current === null) return undefined
    const { code, cause } = current as { code?: unknown; cause?: unknown }
    if (typeof code === 'string') return code
    current = cause
  }
  return undefined
}

/**
 * Network failures that happen before a request leaves this machine: the server cannot have acted
 * on it, so even a call that creates something may be sent again.
 */
export function failedBeforeSending(error: unknown): boolean {
  const code = errorCode(error)
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN'
}

/**
 * Runs `call` until `judge` says stop or the attempts run out. A value judged worth retrying is
 * returned as it is after the last attempt (the caller reports it); an error is thrown.
 */
export async function withRetry<T>(
  call: () => Promise<T>,
  judge: (outcome: AttemptOutcome<T>) => RetryVerdict,
  policy: RetryPolicy,
  sleep: Sleep = sleepFor
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    let outcome: AttemptOutcome<T>
    try {
      outcome = { ok: true, value: await call() }
    } catch (error) {
      outcome = { ok: false, error }
    }
    const verdict = judge(outcome)
    const wait = verdict.retry ? (verdict.afterMs ?? backoffMs(attempt, policy)) : undefined
    const giveUp = wait === undefined || wait > policy.maxWaitMs || attempt >= policy.attempts - 1
    if (giveUp) {
      if (outcome.ok) return outcome.value
      throw outcome.error
    }
    await sleep(wait)
  }
}
