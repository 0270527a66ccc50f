// The registry transport speaks node:http over kept-alive connections, and sends Basic credentials
// before being asked only where they may go.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { preemptiveAuthorization, RegistryTransport } from '../../src/registry/transport.js'

const FAST = { attempts: 2, baseDelayMs: 1, maxDelayMs: 2, maxWaitMs: 1000, timeoutMs: 2000 }
const credentials = { username: 'ci', password: 'pw' }
const BASIC = `Basic ${Buffer.from('ci:pw').toString('base64')}`

interface Served {
  readonly host: string
  readonly connections: () => number
  readonly authorizations: (string | undefined)[]
}

let server: Server | undefined
afterEach(() => {
  server?.close()
  vi.restoreAllMocks()
})

function serve(
  answer: (request: IncomingMessage, response: ServerResponse) => void
): Promise<Served> {
  let connections = 0
  const authorizations: (string | undefined)[] = []
  server = createServer((request, response) => {
    authorizations.push(request.headers.authorization)
    request.resume()
    request.on('end', () => {
      answer(request, response)
    })
  })
  server.on('connection', () => connections++)
  return new Promise((resolve) =>
    server?.listen(0, '127.0.0.1', () => {
      const { port } = server?.address() as AddressInfo
      resolve({ host: `127.0.0.1:${port}`, connections: () => connections, authorizations })
    })
  )
}

function get(transport: RegistryTransport, tag: string): Promise<{ status: number }> {
  return transport.request({
    method: 'GET',
    repository: 'acme/web',
    path: `manifests/${tag}`,
    bodyLimit: 1024,
    what: 'the manifest'
  })
}

const ok = (_request: IncomingMessage, response: ServerResponse): void => {
  response.writeHead(200, { 'content-type': 'application/json' }).end('{}')
}

describe('the registry transport', () => {
  it('sends one request after another over one kept-alive connection', async () => {
    const served = await serve(ok)
    const transport = new RegistryTransport(served.host, { access: 'pull', retry: FAST })
    for (const tag of ['a', 'b', 'c']) expect((await get(transport, tag)).status).toBe(200)
    expect(served.connections()).toBe(1)
  })

  it('does not use fetch, whose undici and web streams cost tens of ms to load', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch')
    const served = await serve(ok)
    await get(new RegistryTransport(served.host, { access: 'pull', retry: FAST }), 'a')
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('sends Basic credentials with the first request to a loopback registry', async () => {
    const served = await serve(ok)
    const transport = new RegistryTransport(served.host, {
      access: 'pull',
      credentials,
      retry: FAST
    })
    await get(transport, 'a')
    await Promise.all([get(transport, 'b'), get(transport, 'c')])
    expect(served.authorizations).toEqual([BASIC, BASIC, BASIC])
    expect(transport.requestCount).toBe(3)
  })

  it('sends parallel requests together when Basic credentials go with the first', async () => {
    const waiting: (() => void)[] = []
    // Answers only once both requests have arrived: a second request held back waits in vain.
    const served = await serve((request, response) => {
      waiting.push(() => {
        ok(request, response)
      })
      if (waiting.length === 2) for (const answer of waiting) answer()
    })
    const transport = new RegistryTransport(served.host, {
      access: 'pull',
      credentials,
      retry: { ...FAST, attempts: 1, timeoutMs: 500 }
    })
    const answers = await Promise.all([get(transport, 'a'), get(transport, 'b')])
    expect(answers.map((answer) => answer.status)).toEqual([200, 200])
  })

  it('falls back to the token a registry asks for, with one token for parallel requests', async () => {
    let tokens = 0
    const served = await serve((request, response) => {
      if (request.url?.startsWith('/token') === true) {
        tokens++
        response.writeHead(200).end(JSON.stringify({ token: 't1' }))
      } else if (request.headers.authorization === 'Bearer t1') {
        ok(request, response)
      } else {
        const realm = `http://${request.headers.host ?? ''}/token`
        response.writeHead(401, { 'www-authenticate': `Bearer realm="${realm}"` }).end()
      }
    })
    const transport = new RegistryTransport(served.host, {
      access: 'pull',
      credentials,
      retry: FAST
    })
    const answers = await Promise.all(['a', 'b', 'c'].map((tag) => get(transport, tag)))
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200])
    expect(tokens).toBe(1)
    // Basic on each request (answered 401 together) and to the token service; then the token.
    expect(served.authorizations.filter((value) => value === BASIC)).toHaveLength(4)
    expect(served.authorizations.filter((value) => value === 'Bearer t1')).toHaveLength(3)
  })
})

describe('preemptiveAuthorization', () => {
  it.each([
    ['https://registry.example', BASIC],
    ['http://127.0.0.1:5000', BASIC],
    ['http://localhost:5000', BASIC],
    ['http://[::1]:5000', BASIC],
    ['http://registry.example', undefined],
    ['http://10.0.0.5:5000', undefined]
  ])('for %s is %s', (baseUrl, expected) => {
    expect(preemptiveAuthorization(baseUrl, credentials)).toBe(expected)
  })

  it('is nothing without credentials', () => {
    expect(preemptiveAuthorization('https://registry.example', undefined)).toBeUndefined()
  })
})
