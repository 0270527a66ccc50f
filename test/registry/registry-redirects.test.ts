import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { RegistryClient } from '../../src/registry/client.js'
import { DOCKER_MANIFEST } from '../../src/registry/media-types.js'
import { offLoopbackAttempts } from '../harness/loopback-only.js'

const FAST = { attempts: 1, baseDelayMs: 1, maxDelayMs: 2, maxWaitMs: 1000, timeoutMs: 5000 }
const MANIFEST = Buffer.from(
  JSON.stringify({ schemaVersion: 2, mediaType: DOCKER_MANIFEST, config: {}, layers: [] })
)

/** The shared guard (test/harness/loopback-only.ts) stops and records any connection off loopback. */
const attempted = offLoopbackAttempts

const servers: Server[] = []
afterEach(() => {
  attempted.length = 0
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    server.close()
  }
})

async function serve(
  host: string,
  handle: (request: IncomingMessage, response: ServerResponse) => void
): Promise<string> {
  const server = createServer(handle)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  return `${host}:${(server.address() as AddressInfo).port}`
}

/** A registry that asks for Basic credentials, then redirects every manifest request. */
function redirectingRegistry(location: string): Promise<string> {
  return serve('127.0.0.1', (request, response) => {
    if (request.headers.authorization === undefined) {
      response.writeHead(401, { 'www-authenticate': 'Basic realm="registry"' }).end()
      return
    }
    response.writeHead(307, { location }).end()
  })
}

function client(host: string): RegistryClient {
  return new RegistryClient(host, {
    access: 'pull',
    credentials: { username: 'ci', password: 'pw' },
    retry: FAST
  })
}

describe('a registry that redirects a request', () => {
  it.each([
    ['the cloud metadata service', 'http://169.254.169.254/latest/meta-data/iam/', 'link-local'],
    ['a private address', 'https://10.0.0.1/v2/acme/web/manifests/v1', 'private'],
    ['NAT64 to the metadata service', 'http://[64:ff9b::a9fe:a9fe]/latest/', 'link-local']
  ])('cannot send us to %s', async (_where, location, place) => {
    const registry = await redirectingRegistry(location)
    const error = await client(registry)
      .fetch('acme/web', 'v1')
      .catch((caught: unknown) => caught as Error)
    expect(attempted).toEqual([])
    expect((error as Error).message).toMatch(
      new RegExp(
        `^registry ${registry.replace(/\./g, '\\.')}: .* which is refused: it is on a ${place} address and the registry is not$`
      )
    )
  })

  it('may send us to storage in its own neighbourhood, without our credentials', async () => {
    let seen: string | undefined = 'none'
    const storage = await serve('127.0.0.2', (request, response) => {
      seen = request.headers.authorization
      response.writeHead(200, { 'content-type': DOCKER_MANIFEST }).end(MANIFEST)
    })
    const registry = await redirectingRegistry(`http://${storage}/blob`)
    const manifest = await client(registry).fetch('acme/web', 'v1')
    expect(manifest?.digest).toBe(`sha256:${createHash('sha256').update(MANIFEST).digest('hex')}`)
    expect(seen).toBeUndefined()
  })
})
