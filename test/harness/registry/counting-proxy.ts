// A loopback HTTP proxy in front of a registry that counts what passes, and can inject faults.
import {
  createServer,
  request as forward,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import type { AddressInfo } from 'node:net'

export type Fault =
  | { readonly kind: 'status'; readonly status: number; readonly headers?: Record<string, string> }
  | { readonly kind: 'reset' }
  | { readonly kind: 'stall' }
  /** What the registry would say in another moment: a 200 with these headers and bytes. */
  | { readonly kind: 'answer'; readonly headers: Record<string, string>; readonly body: Buffer }

export interface CountingProxy {
  /** host:port to use as the registry in image references. */
  readonly host: string
  /** Requests forwarded or refused so far. */
  readonly requests: number
  /** `METHOD /path` of every request so far, in the order they came, for failure messages. */
  readonly log: readonly string[]
  /** Request and response body bytes that crossed the proxy. */
  readonly bytes: number
  /** The next `times` requests (matching `method` and `path` when given) get the fault instead. */
  inject(fault: Fault, times: number, method?: string, path?: RegExp): void
  /** Drops every fault still waiting. */
  clearFaults(): void
  close(): Promise<void>
}

export async function startCountingProxy(upstream: string): Promise<CountingProxy> {
  const [upstreamHost = '127.0.0.1', upstreamPort = '80'] = upstream.split(':')
  const faults: {
    fault: Fault
    method: string | undefined
    path: RegExp | undefined
    remaining: number
  }[] = []
  const state = { requests: 0, bytes: 0 }
  const log: string[] = []
  const stalled = new Set<ServerResponse>()

  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    state.requests++
    log.push(`${incoming.method} ${incoming.url}`)
    const pending = faults.find(
      (entry) =>
        entry.remaining > 0 &&
        (entry.method === undefined || entry.method === incoming.method) &&
        (entry.path === undefined || entry.path.test(incoming.url ?? ''))
    )
    if (pending !== undefined) {
      pending.remaining--
      const { fault } = pending
      if (fault.kind === 'reset') {
        incoming.socket.destroy()
        return
      }
      if (fault.kind === 'stall') {
        stalled.add(outgoing)
        return
      }
      incoming.resume()
      if (fault.kind === 'answer') {
        outgoing.writeHead(200, { ...fault.headers, 'content-length': String(fault.body.length) })
        outgoing.end(fault.body)
        return
      }
      outgoing.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers })
      outgoing.end(JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: 'injected fault' }] }))
      return
    }
    const proxied = forward(
      {
        host: upstreamHost,
        port: Number(upstreamPort),
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: upstream }
      },
      (answer) => {
        const headers = { ...answer.headers }
        // Keep redirects (blob uploads) coming back through the proxy.
        if (typeof headers.location === 'string')
          headers.location = headers.location.replace(upstream, proxy.host)
        outgoing.writeHead(answer.statusCode ?? 502, headers)
        answer.on('data', (chunk: Buffer) => (state.bytes += chunk.length))
        answer.pipe(outgoing)
      }
    )
    incoming.on('data', (chunk: Buffer) => (state.bytes += chunk.length))
    proxied.on('error', () => outgoing.destroy())
    incoming.pipe(proxied)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const proxy: CountingProxy = {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return state.requests
    },
    log,
    get bytes() {
      return state.bytes
    },
    inject(fault, times, method, path) {
      faults.push({ fault, method, path, remaining: times })
    },
    clearFaults() {
      faults.length = 0
    },
    close: () =>
      new Promise((resolve) => {
        for (const response of stalled) response.destroy()
        server.closeAllConnections()
        server.close(() => {
          resolve()
        })
      })
  }
  return proxy
}
