// Registries on loopback that answer as the test says, to attack the client; closed after each test.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { afterEach } from 'vitest'

const MiB = 1024 * 1024

export interface HostileRegistry {
  /** host:port to use as the registry. */
  readonly host: string
  /** Bytes written to every connection that has closed, body and headers together. */
  readonly sent: () => number
  /** `METHOD /path` of each request, in order. */
  readonly requests: string[]
}

export type HostileHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  self: HostileRegistry
) => void

/** Gives the tests of this file a way to start hostile registries, each closed when its test ends. */
export function useHostileRegistries(): (handle: HostileHandler) => Promise<HostileRegistry> {
  const servers: Server[] = []
  afterEach(async () => {
    await Promise.all(
      servers.splice(0).map(
        (server) =>
          new Promise((resolve) => {
            server.closeAllConnections()
            server.close(resolve)
          })
      )
    )
  })
  return async (handle) => {
    let sent = 0
    const requests: string[] = []
    const server = createServer()
    servers.push(server)
    server.on('connection', (socket: Socket) =>
      socket.on('close', () => (sent += socket.bytesWritten))
    )
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const self: HostileRegistry = {
      host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
      sent: () => sent,
      requests
    }
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      requests.push(`${request.method ?? ''} ${request.url ?? ''}`)
      handle(request, response, self)
    })
    return self
  }
}

/**
 * Writes 64 KiB chunks as fast as the client reads them, until it hangs up. Stops at 256 MiB in
 * any case, so a client that never hangs up fails its test instead of exhausting the machine.
 */
export function endless(response: ServerResponse, byte = '{'): void {
  const chunk = Buffer.alloc(64 * 1024, byte)
  let written = 0
  const pump = (): void => {
    while (!response.destroyed && written < 256 * MiB) {
      written += chunk.length
      if (!response.write(chunk)) {
        response.once('drain', pump)
        return
      }
    }
    response.end()
  }
  response.on('close', () => response.removeAllListeners('drain'))
  pump()
}
