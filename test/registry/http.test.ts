import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { send, type HttpRequest, type RegistryRetryPolicy } from '../../src/registry/http.js'

const policy: RegistryRetryPolicy = {
  attempts: 3,
  baseDelayMs: 1,
  maxDelayMs: 5,
  maxWaitMs: 10_000,
  timeoutMs: 200
}

function get(url: string): HttpRequest {
  return { method: 'GET', url, bodyLimit: 1024, what: 'the answer' }
}

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
    const response = await send(get(url), policy, async () => {})
    expect(response.status).toBe(200)
    expect(hits()).toBe(3)
  })

  it('returns the last transient answer when attempts run out', async () => {
    const { url, hits } = await serve([503])
    const response = await send(get(url), policy, async () => {})
    expect(response.status).toBe(503)
    expect(hits()).toBe(3)
  })

  it('takes a HEAD answer announcing more than the limit: its Content-Length is a GET’s body', async () => {
    const { url } = await serve([200], { 'content-length': String(50 * 1024 * 1024) })
    const response = await send({ ...get(url), method: 'HEAD' }, policy, async () => {})
    expect(response.status).toBe(200)
    expect(response.body.length).toBe(0)
  })

  it('does not retry a 404', async () => {
    const { url, hits } = await serve([404, 200])
    expect((await send(get(url), policy, async () => {})).status).toBe(404)
    expect(hits()).toBe(1)
  })

  it('waits what Retry-After asks', async () => {
    const { url } = await serve([429, 200], { 'retry-after': '2' })
    const waits: number[] = []
    await send(get(url), { ...policy, maxDelayMs: 1000 }, (ms) => {
      waits.push(ms)
      return Promise.resolve()
    })
    expect(waits).toEqual([2000])
  })

  it('gives up at once when Retry-After asks for longer than it will wait', async () => {
    const { url, hits } = await serve([429, 200], { 'retry-after': '3600' })
    const waits: number[] = []
    const response = await send(get(url), policy, (ms) => {
      waits.push(ms)
      return Promise.resolve()
    })
    expect(response.status).toBe(429)
    expect(waits).toEqual([])
    expect(hits()).toBe(1)
  })

  it('names the host when the registry cannot be reached', async () => {
    await expect(send(get('http://127.0.0.1:9/'), policy, async () => {})).rejects.toThrow(
      /GET 127\.0\.0\.1:9 failed after 3 attempts/
    )
  })
})
