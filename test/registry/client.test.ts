import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { RegistryClient } from '../../src/registry/client.js'
import type { Digest } from '../../src/registry/reference.js'
import { DOCKER_MANIFEST, OCI_MANIFEST } from '../../src/registry/media-types.js'

const FAST = { attempts: 2, baseDelayMs: 1, maxDelayMs: 2, maxWaitMs: 1000, timeoutMs: 2000 }

interface FakeRegistry {
  host: string
  log: string[]
  tokensIssued: number
  manifests: Map<string, { bytes: Buffer; type: string }>
  refusePut?: { status: number; code?: string }
  lieAboutDigest?: boolean
  contentType?: string
}

let server: Server | undefined
afterEach(() => server?.close())

function manifest(mediaType = DOCKER_MANIFEST, marker = 'a'): Buffer {
  return Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType, config: { digest: marker }, layers: [] })
  )
}

function digestOf(bytes: Buffer): Digest {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}` as Digest
}

async function fakeRegistry(auth: 'none' | 'basic' | 'bearer'): Promise<FakeRegistry> {
  const fake: FakeRegistry = { host: '', log: [], tokensIssued: 0, manifests: new Map() }
  const authorized = (request: IncomingMessage): boolean => {
    const header = request.headers.authorization ?? ''
    if (auth === 'none') return true
    if (auth === 'basic') return header === `Basic ${Buffer.from('ci:pw').toString('base64')}`
    return header === 'Bearer token-1'
  }
  const created = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://x')
      fake.log.push(`${request.method ?? ''} ${url.pathname}${url.search}`)
      if (url.pathname === '/token') {
        const ok =
          request.headers.authorization === `Basic ${Buffer.from('ci:pw').toString('base64')}`
        if (!ok) return response.writeHead(401).end()
        fake.tokensIssued++
        return response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ token: 'token-1' }))
      }
      if (!authorized(request)) {
        const challenge =
          auth === 'basic'
            ? 'Basic realm="fake"'
            : `Bearer realm="http://${fake.host}/token",service="fake",scope="repository:acme/web:pull"`
        return response
          .writeHead(401, { 'www-authenticate': challenge, 'content-type': 'application/json' })
          .end(
            JSON.stringify({
              errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }]
            })
          )
      }
      const match = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(url.pathname)
      if (match === null) return response.writeHead(404).end()
      const reference = match[2] ?? ''
      if (request.method === 'PUT') {
        if (fake.refusePut !== undefined) {
          const { status, code } = fake.refusePut
          return response
            .writeHead(status)
            .end(code === undefined ? '' : JSON.stringify({ errors: [{ code, message: 'no' }] }))
        }
        const bytes = Buffer.concat(chunks)
        const stored = { bytes, type: request.headers['content-type'] ?? '' }
        fake.manifests.set(reference, stored)
        fake.manifests.set(digestOf(bytes), stored)
        return response.writeHead(201, { 'docker-content-digest': digestOf(bytes) }).end()
      }
      const stored = fake.manifests.get(reference)
      if (stored === undefined) {
        return response
          .writeHead(404)
          .end(JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN', message: 'unknown' }] }))
      }
      const digest =
        fake.lieAboutDigest === true ? `sha256:${'0'.repeat(64)}` : digestOf(stored.bytes)
      response.writeHead(200, {
        'content-type': fake.contentType ?? stored.type,
        'docker-content-digest': digest,
        'content-length': String(stored.bytes.length)
      })
      response.end(request.method === 'HEAD' ? undefined : stored.bytes)
    })
  })
  server = created
  const listening = created
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve))
  fake.host = `127.0.0.1:${(listening.address() as AddressInfo).port}`
  return fake
}

function seed(fake: FakeRegistry, tag: string, bytes = manifest()): string {
  const stored = { bytes, type: DOCKER_MANIFEST }
  fake.manifests.set(tag, stored)
  fake.manifests.set(digestOf(bytes), stored)
  return digestOf(bytes)
}

const credentials = { username: 'ci', password: 'pw' }

describe('RegistryClient', () => {
  it('resolves a tag with HEAD only', async () => {
    const fake = await fakeRegistry('none')
    const digest = seed(fake, 'v1')
    const client = new RegistryClient(fake.host, { access: 'pull', retry: FAST })
    expect(await client.resolve('acme/web', 'v1')).toEqual({
      digest,
      mediaType: DOCKER_MANIFEST,
      size: manifest().length
    })
    expect(fake.log).toEqual(['HEAD /v2/acme/web/manifests/v1'])
  })

  it('answers undefined for a tag the registry does not have', async () => {
    const fake = await fakeRegistry('none')
    const client = new RegistryClient(fake.host, { access: 'pull', retry: FAST })
    expect(await client.resolve('acme/web', 'nope')).toBeUndefined()
  })

  it('re-tags with HEAD target, GET source, PUT target and one token, reused across requests', async () => {
    const fake = await fakeRegistry('bearer')
    const digest = seed(fake, 'sha-1')
    const client = new RegistryClient(fake.host, { access: 'push', credentials, retry: FAST })
    expect(await client.resolve('acme/web', 'staging')).toBeUndefined()
    const source = await client.fetch('acme/web', 'sha-1')
    if (source === undefined) throw new Error('the source manifest is missing')
    expect(source.digest).toBe(digest)
    expect(await client.put('acme/web', 'staging', source)).toBe(digest)
    expect(fake.log).toEqual([
      'HEAD /v2/acme/web/manifests/staging',
      'GET /token?service=fake&scope=repository%3Aacme%2Fweb%3Apull%2Cpush',
      'HEAD /v2/acme/web/manifests/staging',
      'GET /v2/acme/web/manifests/sha-1',
      'PUT /v2/acme/web/manifests/staging'
    ])
    expect(client.requestCount).toBe(5)
  })

  it('shares one token among parallel requests, each refused Basic at once', async () => {
    const fake = await fakeRegistry('bearer')
    seed(fake, 'a')
    const client = new RegistryClient(fake.host, { access: 'push', credentials, retry: FAST })
    await Promise.all(['a', 'b', 'c', 'd'].map((tag) => client.resolve('acme/web', tag)))
    expect(fake.tokensIssued).toBe(1)
    // Each went with Basic and was answered 401, then again with the one token.
    expect(fake.log.filter((line) => line.startsWith('HEAD'))).toHaveLength(8)
  })

  it('sends Basic credentials to a loopback registry before it asks: no 401 round trip', async () => {
    const fake = await fakeRegistry('basic')
    const digest = seed(fake, 'v1')
    const client = new RegistryClient(fake.host, { access: 'pull', credentials, retry: FAST })
    expect((await client.resolve('acme/web', 'v1'))?.digest).toBe(digest)
    expect((await client.resolve('acme/web', 'v1'))?.digest).toBe(digest)
    expect(fake.log).toHaveLength(2)
  })

  it.each([
    [
      'basic',
      { username: 'ci', password: 'wrong' },
      "authentication failed for registry HOST as 'ci'"
    ],
    [
      'bearer',
      { username: 'ci', password: 'wrong' },
      "authentication failed for registry HOST: the registry refused the credentials of 'ci'"
    ],
    [
      'basic',
      undefined,
      'authentication failed for registry HOST: the registry requires a username and password'
    ]
  ] as const)('names the registry when %s auth fails', async (auth, given, message) => {
    const fake = await fakeRegistry(auth)
    const client = new RegistryClient(fake.host, {
      access: 'pull',
      credentials: given,
      retry: FAST
    })
    await expect(client.resolve('acme/web', 'v1')).rejects.toThrow(
      message.replace('HOST', fake.host)
    )
  })

  it('refuses a manifest whose bytes do not match the announced digest', async () => {
    const fake = await fakeRegistry('none')
    seed(fake, 'v1')
    fake.lieAboutDigest = true
    const client = new RegistryClient(fake.host, { access: 'pull', retry: FAST })
    await expect(client.fetch('acme/web', 'v1')).rejects.toThrow(/does not match its digest/)
  })

  it('refuses a manifest whose mediaType disagrees with its Content-Type', async () => {
    const fake = await fakeRegistry('none')
    seed(fake, 'v1', manifest(DOCKER_MANIFEST))
    fake.contentType = OCI_MANIFEST
    const client = new RegistryClient(fake.host, { access: 'pull', retry: FAST })
    await expect(client.fetch('acme/web', 'v1')).rejects.toThrow(
      /says .*docker.* but was served as .*oci/
    )
  })

  it('puts the exact bytes with their media type', async () => {
    const fake = await fakeRegistry('none')
    const bytes = Buffer.from(`${manifest(OCI_MANIFEST, 'b').toString()}\n  `)
    const client = new RegistryClient(fake.host, { access: 'push', retry: FAST })
    await client.put('acme/web', 'v2', {
      digest: digestOf(bytes),
      mediaType: OCI_MANIFEST,
      size: bytes.length,
      bytes
    })
    expect(fake.manifests.get('v2')).toEqual({ bytes, type: OCI_MANIFEST })
  })

  it.each([
    ['ECR', 400, 'TAG_INVALID'],
    ['Harbor', 412, undefined],
    ['Docker Hub', 403, undefined],
    ['ACR', 405, undefined]
  ])('says %s keeps the tag immutable', async (_registry, status, code) => {
    const fake = await fakeRegistry('none')
    fake.refusePut = { status, ...(code === undefined ? {} : { code }) }
    const bytes = manifest()
    const client = new RegistryClient(fake.host, { access: 'push', retry: FAST })
    await expect(
      client.put('acme/web', 'v1', {
        digest: digestOf(bytes),
        mediaType: DOCKER_MANIFEST,
        size: bytes.length,
        bytes
      })
    ).rejects.toThrow(
      `${fake.host} keeps the tag acme/web:v1 immutable and refused to move it (${status}`
    )
  })

  it('names the registry, repository and error code when a put fails otherwise', async () => {
    const fake = await fakeRegistry('none')
    fake.refusePut = { status: 400, code: 'MANIFEST_BLOB_UNKNOWN' }
    const bytes = manifest()
    const client = new RegistryClient(fake.host, { access: 'push', retry: FAST })
    await expect(
      client.put('acme/web', 'v1', {
        digest: digestOf(bytes),
        mediaType: DOCKER_MANIFEST,
        size: bytes.length,
        bytes
      })
    ).rejects.toThrow(
      `registry ${fake.host} could not put acme/web:v1: 400 MANIFEST_BLOB_UNKNOWN (no)`
    )
  })

  it('says the registry is unreachable after its retries', async () => {
    const client = new RegistryClient('127.0.0.1:9', { access: 'pull', retry: FAST })
    await expect(client.resolve('acme/web', 'v1')).rejects.toThrow(
      'registry 127.0.0.1:9 unreachable'
    )
  })
})
