import { describe, expect, it } from 'vitest'
import { backoffMs, retryAfterMs, type RetryPolicy } from '../src/retry.js'

describe('retryAfterMs', () => {
  it.each([
    ['3', 3000],
    ['', undefined],
    ['soon', undefined]
  ])('%j', (header, expected) => {
    expect(retryAfterMs(header)).toBe(expected)
  })

  it('reads an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000)
  })
})

describe('backoffMs', () => {
  it('grows exponentially within its cap, jittered in the upper half', () => {
    const big: RetryPolicy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000, maxWaitMs: 1 }
    expect(backoffMs(0, big, () => 0)).toBe(50)
    expect(backoffMs(2, big, () => 1)).toBe(400)
    expect(backoffMs(10, big, () => 1)).toBe(1000)
  })
})
