import { describe, expect, it } from 'vitest'
import { retryDelayMs, withGitHubRetry, type GitHubRetryPolicy } from '../../src/github/retry.js'

const policy: GitHubRetryPolicy = { attempts: 3, baseDelayMs: 100, maxWaitMs: 10_000 }

function httpError(status: number, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error(`HTTP ${status}`), { status, response: { headers } })
}

describe('retryDelayMs', () => {
  it('waits for the rate limit to reset', () => {
    const now = 1_000_000
    const error = httpError(403, {
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(now / 1000 + 5)
    })
    expect(retryDelayMs(error, 0, policy, now)).toBe(6000)
  })

  it('honours Retry-After on a secondary rate limit', () => {
    expect(retryDelayMs(httpError(429, { 'retry-after': '3' }), 0, policy)).toBe(3000)
  })

  it('backs off on server errors and network failures', () => {
    expect(retryDelayMs(httpError(502), 1, policy)).toBeGreaterThanOrEqual(100)
    expect(retryDelayMs(new Error('socket hang up'), 0, policy)).toBeGreaterThanOrEqual(50)
  })

  it.each([401, 403, 404, 422])('does not retry a %i that will not go away', (status) => {
    expect(retryDelayMs(httpError(status), 0, policy)).toBeUndefined()
  })
})

describe('withGitHubRetry', () => {
  it('tries again until the call succeeds', async () => {
    let calls = 0
    const result = await withGitHubRetry(
      () => (++calls < 3 ? Promise.reject(httpError(503)) : Promise.resolve('ok')),
      policy,
      () => Promise.resolve()
    )
    expect(result).toBe('ok')
    expect(calls).toBe(3)
  })

  it('gives up after its attempts with the last error', async () => {
    let calls = 0
    await expect(
      withGitHubRetry(
        () => Promise.reject(httpError(500 + ++calls)),
        policy,
        () => Promise.resolve()
      )
    ).rejects.toThrow('HTTP 503')
  })

  it('fails at once on a refusal', async () => {
    let calls = 0
    await expect(
      withGitHubRetry(
        () => Promise.reject(httpError(403 + 0 * ++calls)),
        policy,
        () => Promise.resolve()
      )
    ).rejects.toThrow('HTTP 403')
    expect(calls).toBe(1)
  })

  it('does not wait longer than its limit for a reset far away', async () => {
    const far = String(Math.floor(Date.now() / 1000) + 3600)
    await expect(
      withGitHubRetry(
        () =>
          Promise.reject(
            httpError(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': far })
          ),
        policy,
        () => Promise.resolve()
      )
    ).rejects.toThrow('HTTP 403')
  })
})
