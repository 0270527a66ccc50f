// Retries a GitHub API call through server errors and rate limits; other refusals fail at once.

export interface GitHubRetryPolicy {
  readonly attempts: number
  readonly baseDelayMs: number
  /** The longest wait for a rate limit to reset before giving up. */
  readonly maxWaitMs: number
}

export const DEFAULT_GITHUB_RETRY: GitHubRetryPolicy = {
  attempts: 4,
  baseDelayMs: 1000,
  maxWaitMs: 60_000
}

interface HttpishError {
  status?: number
  response?: { headers?: Record<string, string | undefined> }
}

/** How long to wait before trying again, or undefined when the error will not go away. */
export function retryDelayMs(
  error: unknown,
  attempt: number,
  policy: GitHubRetryPolicy,
  now = Date.now()
): number | undefined {
  const { status, response } = (error ?? {}) as HttpishError
  const headers = response?.headers ?? {}
  const retryAfter = headers['retry-after']
  if (retryAfter !== undefined && /^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000
  if ((status === 403 || status === 429) && headers['x-ratelimit-remaining'] === '0') {
    const reset = Number(headers['x-ratelimit-reset'] ?? 0) * 1000
    return Math.max(0, reset - now) + 1000
  }
  if (status === undefined || status >= 500 || status === 429) {
    return policy.baseDelayMs * 2 ** attempt * (0.5 + Math.random() / 2)
  }
  return undefined
}

export async function withGitHubRetry<T>(
  call: () => Promise<T>,
  policy: GitHubRetryPolicy = DEFAULT_GITHUB_RETRY,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call()
    } catch (error) {
      const delay = retryDelayMs(error, attempt, policy)
      if (delay === undefined || delay > policy.maxWaitMs || attempt === policy.attempts - 1)
        throw error
      await sleep(delay)
    }
  }
}
