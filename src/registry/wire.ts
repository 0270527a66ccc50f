// One HTTP exchange on node:http or node:https, over keep-alive connections shared by the whole run.
import type {
  Agent,
  ClientRequest,
  IncomingHttpHeaders,
  IncomingMessage,
  RequestOptions
} from 'node:http'

/** The response headers, read by name as `Headers.get` reads them. */
export interface ResponseHeaders {
  get(name: string): string | null
}

export interface WireRequest {
  readonly method: string
  readonly url: URL
  readonly headers: Record<string, string>
  readonly body: Buffer | undefined
  readonly timeoutMs: number
}

/** An answer whose body is still to be read, within the same timeout as its headers. */
export interface WireResponse {
  readonly status: number
  readonly headers: ResponseHeaders
  readonly body: IncomingMessage
  /** Tears the connection down: the rest of the body is never received, the socket not reused. */
  abort(): void
  /** Ends the timeout once the body is read. */
  done(): void
}

export class TimeoutError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TimeoutError'
  }
}

type Opener = (url: URL, options: RequestOptions) => ClientRequest

interface Client {
  readonly open: Opener
  readonly agent: Agent
}

const clients = new Map<string, Promise<Client>>()

/**
 * node:http and node:https are loaded when a request first needs them (https brings in TLS), and
 * each keeps one keep-alive agent, so a run opens one connection per registry, not per request.
 */
function clientFor(protocol: string): Promise<Client> {
  let client = clients.get(protocol)
  if (client === undefined) {
    client =
      protocol === 'https:'
        ? import('node:https').then((https) => ({
            open: https.request,
            agent: new https.Agent({ keepAlive: true })
          }))
        : import('node:http').then((http) => ({
            open: http.request,
            agent: new http.Agent({ keepAlive: true })
          }))
    clients.set(protocol, client)
  }
  return client
}

/** Sends the request and resolves with the answer's head; a socket the server dropped is retried once. */
export async function exchange(request: WireRequest): Promise<WireResponse> {
  const client = await clientFor(request.url.protocol)
  try {
    return await exchangeOnce(client, request)
  } catch (error) {
    // A kept-alive socket the server closed just as we reused it: Node's documented race.
    if (!(error instanceof StaleSocketError)) throw error
    return exchangeOnce(client, request)
  }
}

class StaleSocketError extends Error {}

function exchangeOnce(client: Client, request: WireRequest): Promise<WireResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...request.headers }
    if (request.body !== undefined) headers['content-length'] = String(request.body.length)
    const outgoing = client.open(request.url, {
      method: request.method,
      headers,
      agent: client.agent
    })
    let answer: IncomingMessage | undefined
    const timer = setTimeout(() => {
      const error = new TimeoutError(`no answer within ${request.timeoutMs} ms`)
      answer?.destroy(error)
      outgoing.destroy(error)
    }, request.timeoutMs)
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      if (answer !== undefined) return
      const stale = outgoing.reusedSocket && error.code === 'ECONNRESET'
      reject(stale ? new StaleSocketError(error.message) : error)
    })
    outgoing.on('response', (incoming) => {
      answer = incoming
      incoming.on('error', () => {
        clearTimeout(timer)
      })
      resolve({
        status: incoming.statusCode ?? 0,
        headers: headerReader(incoming.headers),
        body: incoming,
        abort: () => {
          clearTimeout(timer)
          outgoing.destroy()
        },
        done: () => {
          clearTimeout(timer)
        }
      })
    })
    outgoing.end(request.body)
  })
}

function headerReader(raw: IncomingHttpHeaders): ResponseHeaders {
  return {
    get(name) {
      const value = raw[name.toLowerCase()]
      if (value === undefined) return null
      return Array.isArray(value) ? value.join(', ') : value
    }
  }
}
