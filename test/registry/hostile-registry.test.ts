import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { MANIFEST_BODY_LIMIT, TOKEN_BODY_LIMIT } from '../../src/registry/body.js'
import { RegistryClient } from '../../src/registry/client.js'
import type { Digest } from '../../src/registry/reference.js'
import { DOCKER_MANIFEST } from '../../src/registry/media-types.js'

const FAST = { attempts: 2, baseDelayMs: 1, maxDelayMs: 2, maxWaitMs: 1000, timeoutMs: 5000 }
const MiB = 1024 * 1024

interface Hostile {
  readonly host: string
  /** Bytes written to every connection that has closed, body and headers together. */
  readonly sent: () => number
  readonly requests: string[]
}

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

async function hostile(
  handle: (request: IncomingMessage, response: ServerResponse, self: Hostile) => void
): Promise<Hostile> {
  let sent = 0
  const requests: string[] = []
  const server = createServer()
  servers.push(server)
  server.on('connection', (socket: Socket) =>
    socket.on('close', () => (sent += socket.bytesWritten))
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const self: Hostile = {
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

/**
 * Writes 64 KiB chunks as fast as the client reads them, until it hangs up. Stops at 256 MiB in
 * any case, so a client that never hangs up fails its test instead of exhausting the machine.
 */
function endless(response: ServerResponse, byte = '{'): void {
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

function digestOf(bytes: Buffer, algorithm = 'sha256'): Digest {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}` as Digest
}

const MANIFEST = Buffer.from(
  JSON.stringify({ schemaVersion: 2, mediaType: DOCKER_MANIFEST, config: {}, layers: [] })
)

function serveManifest(response: ServerResponse, headers: Record<string, string> = {}): void {
  response
    .writeHead(200, {
      'content-type': DOCKER_MANIFEST,
      'docker-content-digest': digestOf(MANIFEST),
      ...headers
    })
    .end(MANIFEST)
}

async function closed(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 100))
}

function client(host: string, access: 'pull' | 'push' = 'pull'): RegistryClient {
  return new RegistryClient(host, {
    access,
    credentials: { username: 'ci', password: 'pw' },
    retry: FAST
  })
}

describe('a registry that streams an endless manifest', () => {
  it('stops reading past 4 MiB and fails with one line, keeping memory bounded', async () => {
    const registry = await hostile((_request, response) => {
      response.writeHead(200, { 'content-type': DOCKER_MANIFEST })
      endless(response)
    })
    const heapBefore = process.memoryUsage().arrayBuffers
    await expect(client(registry.host).fetch('acme/web', 'v1')).rejects.toThrow(
      /^registry 127\.0\.0\.1:\d+: the manifest of acme\/web:v1 is larger than 4 MiB: stopped reading$/
    )
    await closed()
    expect(registry.requests).toEqual(['GET /v2/acme/web/manifests/v1'])
    // Socket buffers on both sides hold a few MiB at most; 1.5 GB would be sent without the cap.
    expect(registry.sent()).toBeGreaterThan(MANIFEST_BODY_LIMIT)
    expect(registry.sent()).toBeLessThan(MANIFEST_BODY_LIMIT + 8 * MiB)
    expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(64 * MiB)
  })

  it('refuses a Content-Length over the cap before reading the body', async () => {
    const registry = await hostile((_request, response) => {
      response.writeHead(200, { 'content-type': DOCKER_MANIFEST, 'content-length': '1500000000' })
      endless(response)
    })
    await expect(client(registry.host).fetch('acme/web', 'v1')).rejects.toThrow(
      'is larger than 4 MiB: stopped reading'
    )
    await closed()
    expect(registry.sent()).toBeLessThan(MANIFEST_BODY_LIMIT + 8 * MiB)
  })

  it('caps an error body at 1 MiB', async () => {
    const registry = await hostile((_request, response) => {
      response.writeHead(400, { 'content-type': 'application/json' })
      endless(response)
    })
    await expect(client(registry.host).fetch('acme/web', 'v1')).rejects.toThrow(
      /the error answer to GET 127\.0\.0\.1:\d+ is larger than 1 MiB: stopped reading/
    )
  })

  it('caps a config blob', async () => {
    const registry = await hostile((_request, response) => {
      response.writeHead(200)
      endless(response)
    })
    await expect(
      client(registry.host).fetchBlob('acme/web', digestOf(MANIFEST), 2 * MiB)
    ).rejects.toThrow('(at most 2 MiB) is larger than 2 MiB: stopped reading')
  })
})

describe('a hostile token service', () => {
  it('cannot make us read an endless token answer', async () => {
    const tokens = await hostile((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      endless(response, ' ')
    })
    const registry = await hostile((_request, response) => {
      response
        .writeHead(401, { 'www-authenticate': `Bearer realm="http://${tokens.host}/token"` })
        .end()
    })
    await expect(client(registry.host).resolve('acme/web', 'v1')).rejects.toThrow(
      `the answer of the token service at ${tokens.host} is larger than 1 MiB: stopped reading`
    )
    await closed()
    expect(tokens.sent()).toBeLessThan(TOKEN_BODY_LIMIT + 8 * MiB)
  })

  it.each([
    ['the cloud metadata service', 'http://169.254.169.254/latest/meta-data/iam'],
    ['a private address', 'https://10.0.0.1/token'],
    ['a link-local IPv6 address', 'https://[fe80::1]/token']
  ])('is refused on %s, naming the registry and the realm', async (_where, realm) => {
    const registry = await hostile((_request, response) => {
      response.writeHead(401, { 'www-authenticate': `Bearer realm="${realm}",service="x"` }).end()
    })
    const error = await client(registry.host)
      .resolve('acme/web', 'v1')
      .catch((caught: unknown) => caught as Error)
    expect((error as Error).message).toMatch(
      new RegExp(`^registry ${registry.host.replace(/\./g, '\\.')} sent us to the token realm '`)
    )
    expect((error as Error).message).toContain(new URL(realm).href.replace(/\/$/, ''))
    expect((error as Error).message).not.toContain('\n')
  })

  it('cannot redirect us to the cloud metadata service', async () => {
    const tokens = await hostile((_request, response) => {
      response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end()
    })
    const registry = await hostile((_request, response) => {
      response
        .writeHead(401, { 'www-authenticate': `Bearer realm="http://${tokens.host}/token"` })
        .end()
    })
    await expect(client(registry.host).resolve('acme/web', 'v1')).rejects.toThrow(
      `registry ${registry.host}: ${tokens.host} redirected GET to 'http://169.254.169.254/latest/meta-data/', which is refused: it uses plain http`
    )
    expect(tokens.requests).toHaveLength(1)
  })

  it('may redirect us within its own neighbourhood, dropping our credentials elsewhere', async () => {
    let seen: string | undefined = 'none'
    const issuer = await hostile((request, response) => {
      seen = request.headers.authorization
      response.writeHead(200).end(JSON.stringify({ token: 'token-1' }))
    })
    const tokens = await hostile((_request, response) => {
      response.writeHead(307, { location: `http://${issuer.host}/issue` }).end()
    })
    const registry = await hostile((request, response) => {
      if (request.headers.authorization === 'Bearer token-1') {
        serveManifest(response)
        return
      }
      response
        .writeHead(401, { 'www-authenticate': `Bearer realm="http://${tokens.host}/token"` })
        .end()
    })
    expect((await client(registry.host).resolve('acme/web', 'v1'))?.digest).toBe(digestOf(MANIFEST))
    expect(seen).toBeUndefined()
  })

  it('cannot put a token with a line break into our headers', async () => {
    const tokens = await hostile((_request, response) => {
      response.writeHead(200).end(JSON.stringify({ token: 'abc\r\nx-evil: 1' }))
    })
    const registry = await hostile((_request, response) => {
      response
        .writeHead(401, { 'www-authenticate': `Bearer realm="http://${tokens.host}/token"` })
        .end()
    })
    await expect(client(registry.host).resolve('acme/web', 'v1')).rejects.toThrow(
      'returned no token'
    )
  })
})

describe('digests a registry announces', () => {
  it('verifies a sha512 Docker-Content-Digest with sha512', async () => {
    const honest = await hostile((_request, response) => {
      serveManifest(response, { 'docker-content-digest': digestOf(MANIFEST, 'sha512') })
    })
    expect((await client(honest.host).fetch('acme/web', 'v1'))?.digest).toBe(digestOf(MANIFEST))
    const liar = await hostile((_request, response) => {
      serveManifest(response, {
        'docker-content-digest': digestOf(Buffer.from('other'), 'sha512')
      })
    })
    await expect(client(liar.host).fetch('acme/web', 'v1')).rejects.toThrow(
      'does not match its digest sha512:'
    )
  })

  it('refuses an algorithm it cannot verify', async () => {
    const registry = await hostile((_request, response) => {
      serveManifest(response, { 'docker-content-digest': `blake3:${'a'.repeat(64)}` })
    })
    await expect(client(registry.host).fetch('acme/web', 'v1')).rejects.toThrow(
      "uses the digest algorithm 'blake3', which cannot be verified"
    )
  })

  it('refuses a digest header outside the OCI grammar', async () => {
    const registry = await hostile((_request, response) => {
      serveManifest(response, { 'docker-content-digest': 'sha256:../../other/app' })
    })
    await expect(client(registry.host).fetch('acme/web', 'v1')).rejects.toThrow(
      "is not a digest: 'sha256:../../other/app'"
    )
  })

  it('fails a put when the registry stored other bytes than were sent', async () => {
    const registry = await hostile((request, response) => {
      request.resume()
      request.on('end', () =>
        response
          .writeHead(201, { 'docker-content-digest': digestOf(Buffer.from('something else')) })
          .end()
      )
    })
    await expect(
      client(registry.host, 'push').put('acme/web', 'staging', {
        digest: digestOf(MANIFEST),
        mediaType: DOCKER_MANIFEST,
        size: MANIFEST.length,
        bytes: MANIFEST
      })
    ).rejects.toThrow(
      `stored acme/web:staging as ${digestOf(Buffer.from('something else'))}, but the manifest sent was ${digestOf(MANIFEST)}`
    )
  })

  it('accepts a put answered with the sha512 of the same bytes', async () => {
    const registry = await hostile((request, response) => {
      request.resume()
      request.on('end', () =>
        response.writeHead(201, { 'docker-content-digest': digestOf(MANIFEST, 'sha512') }).end()
      )
    })
    expect(
      await client(registry.host, 'push').put('acme/web', 'staging', {
        digest: digestOf(MANIFEST),
        mediaType: DOCKER_MANIFEST,
        size: MANIFEST.length,
        bytes: MANIFEST
      })
    ).toBe(digestOf(MANIFEST))
  })

  it('never asks for a reference that is neither a tag nor a digest', async () => {
    const registry = await hostile((_request, response) => {
      serveManifest(response)
    })
    await expect(
      client(registry.host).fetch('acme/web', 'sha256:../../../other/app/manifests/latest')
    ).rejects.toThrow('is not a digest')
    expect(registry.requests).toEqual([])
  })

  it('verifies a blob against its digest', async () => {
    const registry = await hostile((_request, response) => response.writeHead(200).end('tampered'))
    await expect(client(registry.host).fetchBlob('acme/web', digestOf(MANIFEST))).rejects.toThrow(
      `the blob acme/web@${digestOf(MANIFEST)} does not match its digest`
    )
  })
})

describe('text a registry sends', () => {
  it('reaches an error message as one capped line', async () => {
    const registry = await hostile((_request, response) => {
      response.writeHead(403, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          errors: [
            {
              code: 'DENIED',
              message: `no\n::error::planted\r\n::add-mask::x ${'y'.repeat(1000)}`
            }
          ]
        })
      )
    })
    const error = await client(registry.host)
      .fetch('acme/web', 'v1')
      .catch((caught: unknown) => caught as Error)
    expect((error as Error).message).toMatch(
      /^registry .* could not fetch acme\/web:v1: 403 DENIED \(no ::error::planted ::add-mask::x y+…\)$/
    )
    expect((error as Error).message.length).toBeLessThan(320)
  })

  it('reaches an unsupported media type message as one line', async () => {
    const registry = await hostile((_request, response) => {
      const body = Buffer.from(JSON.stringify({ mediaType: 'x\n::error::planted' }))
      response
        .writeHead(200, { 'content-type': 'text/plain', 'docker-content-digest': digestOf(body) })
        .end(body)
    })
    await expect(client(registry.host).fetch('acme/web', 'v1')).rejects.toThrow(
      "has an unsupported media type 'x ::error::planted'"
    )
  })
})
