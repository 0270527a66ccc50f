import { describe, expect, it } from 'vitest'
import {
  createVerdict,
  readVerdict,
  withGitHubCreateRetry,
  withGitHubRetry
} from '../../src/github/retry.js'
import type { RetryPolicy } from '../../src/retry.js'

const policy: RetryPolicy = { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000, maxWaitMs: 10_000 }

function httpError(status: number, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error(`HTTP ${status}`), { status, response: { headers } })
}

describe('readVerdict', () => {
  it('waits for the rate limit to reset', () => {
    const now = 1_000_000
    const error = httpError(403, {
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(now / 1000 + 5)
    })
    expect(readVerdict(error, now)).toEqual({ retry: true, afterMs: 6000 })
  })

  it('honours Retry-After on a secondary rate limit', () => {
    expect(readVerdict(httpError(429, { 'retry-after': '3' }))).toEqual({
      retry: true,
      afterMs: 3000
    })
  })

  it('backs off on server errors and network failures', () => {
    expect(readVerdict(httpError(502))).toEqual({ retry: true })
    expect(readVerdict(new Error('socket hang up'))).toEqual({ retry: true })
  })

  it.each([401, 403, 404, 422])('does not retry a %i that will not go away', (status) => {
    expect(readVerdict(httpError(status))).toEqual({ retry: false })
  })
})

function networkError(code: string): Error {
  return Object.assign(new Error('fetch failed'), {
    status: 500,
    cause: Object.assign(new Error(code), { code })
  })
}

describe('createVerdict', () => {
  it.each([
    ['a 500', httpError(500)],
    ['a 502', httpError(502)],
    ['a 503 without Retry-After', httpError(503)],
    ['a connection reset', networkError('ECONNRESET')],
    ['a timeout', networkError('UND_ERR_HEADERS_TIMEOUT')],
    ['a 422', httpError(422)]
  ])('does not repeat a create after %s: it may have been created', (_name, error) => {
    expect(createVerdict(error)).toEqual({ retry: false })
  })

  it.each([
    ['a refused connection', networkError('ECONNREFUSED'), { retry: true }],
    ['an unknown host', networkError('ENOTFOUND'), { retry: true }],
    [
      'a 429 with Retry-After',
      httpError(429, { 'retry-after': '2' }),
      { retry: true, afterMs: 2000 }
    ],
    [
      'a 503 with Retry-After',
      httpError(503, { 'retry-after': '1' }),
      { retry: true, afterMs: 1000 }
    ]
  ])('repeats a create after %s: nothing was created', (_name, error, verdict) => {
    expect(createVerdict(error)).toEqual(verdict)
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

describe('withGitHubCreateRetry', () => {
  it('creates once when GitHub fails after it may have acted', async () => {
    let calls = 0
    await expect(
      withGitHubCreateRetry(
        () => Promise.reject(httpError(500 + 0 * ++calls)),
        policy,
        () => Promise.resolve()
      )
    ).rejects.toThrow('HTTP 500')
    expect(calls).toBe(1)
  })

  it('tries again when the connection was refused before sending', async () => {
    let calls = 0
    const result = await withGitHubCreateRetry(
      () => (++calls < 2 ? Promise.reject(networkError('ECONNREFUSED')) : Promise.resolve(7)),
      policy,
      () => Promise.resolve()
    )
    expect(result).toBe(7)
    expect(calls).toBe(2)
  })
})
