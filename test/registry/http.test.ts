import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { backoffMs, retryAfterMs, send, type RetryPolicy } from '../../src/registry/http.js'

const policy: RetryPolicy = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5, timeoutMs: 200 }

let server: Server | undefined
afterEach(() => server?.close())

function serve(
  statuses: number[],
  headers: Record<string, string> = {}
): Promise<{ url: string; hits: () => number }> {
  let hits = 0
  server = createServer((_request, response) => {
    const status = statuses[Math.min(hits, statuses.length - 1)] ?? 200
    hits++
    response.writeHead(status, headers).end(String(status))
  })
  return new Promise((resolve) =>
    server?.listen(0, '127.0.0.1', () => {
      const { port } = server?.address() as AddressInfo
      resolve({ url: `http://127.0.0.1:${port}/`, hits: () => hits })
    })
  )
}

describe('send', () => {
  it('retries 503 and 429 until the registry answers', async () => {
    const { url, hits } = await serve([503, 429, 200])
    const response = await send({ method: 'GET', url }, policy, async () => {})
    expect(response.status).toBe(200)
    expect(hits()).toBe(3)
  })

  it('returns the last transient answer when attempts run out', async () => {
    const { url, hits } = await serve([503])
    const response = await send({ method: 'GET', url }, policy, async () => {})
    expect(response.status).toBe(503)
    expect(hits()).toBe(3)
  })

  it('does not retry a 404', async () => {
    const { url, hits } = await serve([404, 200])
    expect((await send({ method: 'GET', url }, policy, async () => {})).status).toBe(404)
    expect(hits()).toBe(1)
  })

  it('waits what Retry-After asks', async () => {
    const { url } = await serve([429, 200], { 'retry-after': '2' })
    const waits: number[] = []
    await send({ method: 'GET', url }, { ...policy, maxDelayMs: 1000 }, (ms) => {
      waits.push(ms)
      return Promise.resolve()
    })
    expect(waits).toEqual([2000])
  })

  it('names the host when the registry cannot be reached', async () => {
    await expect(
      send({ method: 'GET', url: 'http://127.0.0.1:9/' }, policy, async () => {})
    ).rejects.toThrow(/GET 127\.0\.0\.1:9 failed after 3 attempts/)
  })
})

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
    const big: RetryPolicy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000, timeoutMs: 1 }
    expect(backoffMs(0, big, () => 0)).toBe(50)
    expect(backoffMs(2, big, () => 1)).toBe(400)
    expect(backoffMs(10, big, () => 1)).toBe(1000)
  })
})
