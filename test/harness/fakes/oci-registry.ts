// An in-memory OCI registry for unit tests: blobs, monolithic and chunked uploads, manifests, optional referrers API.
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { RegistryTransport } from '../../../src/registry/transport.js'

export interface Answer {
  readonly status: number
  readonly headers?: Record<string, string>
  readonly body?: string | Buffer
}

export interface FakeOciRegistry {
  readonly host: string
  readonly log: string[]
  readonly blobs: Map<string, Buffer>
  readonly manifests: Map<string, { bytes: Buffer; type: string }>
  /** Answers the referrers API and sends OCI-Subject; off, both are absent as on the CNCF registry. */
  referrersApi: boolean
  /** The Location a POST to start an upload answers, from the upload id. */
  uploadLocation: (id: string) => string
  /** Answers a request itself when it returns something: hostile registries. */
  override: (method: string, path: string) => Answer | undefined
  transport(): RegistryTransport
  close(): Promise<void>
}

export const FAST = { attempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxWaitMs: 100, timeoutMs: 2000 }

export function digestOf(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

export async function startFakeOciRegistry(): Promise<FakeOciRegistry> {
  const fake: FakeOciRegistry = {
    host: '',
    log: [],
    blobs: new Map(),
    manifests: new Map(),
    referrersApi: false,
    uploadLocation: (id: string) => `/v2/acme/web/blobs/uploads/${id}?_state=s`,
    override: () => undefined,
    transport: () =>
      new RegistryTransport(fake.host, { access: 'push', retry: FAST, credentials: undefined }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve()
        })
      })
  }
  let uploads = 0
  /** What chunked uploads (PATCH) received so far, by upload path. */
  const pending = new Map<string, Buffer>()

  function answer(method: string, url: URL, body: Buffer, request: IncomingMessage): Answer {
    const overridden = fake.override(method, url.pathname)
    if (overridden !== undefined) return overridden
    const path = url.pathname.replace(/^\/v2\/acme\/web\//, '')
    if (method === 'POST' && path === 'blobs/uploads/') {
      return { status: 202, headers: { location: fake.uploadLocation(`u${++uploads}`) } }
    }
    if (method === 'PATCH' && path.startsWith('blobs/uploads/')) {
      const received = pending.get(path) ?? Buffer.alloc(0)
      const range = `${received.length}-${received.length + body.length - 1}`
      if (request.headers['content-range'] !== range) return { status: 416 }
      pending.set(path, Buffer.concat([received, body]))
      return { status: 202, headers: { location: `${url.pathname}${url.search}` } }
    }
    if (method === 'PUT' && path.startsWith('blobs/uploads/')) {
      const digest = url.searchParams.get('digest') ?? ''
      const whole = Buffer.concat([pending.get(path) ?? Buffer.alloc(0), body])
      pending.delete(path)
      if (digestOf(whole) !== digest) return { status: 400 }
      fake.blobs.set(digest, whole)
      return { status: 201, headers: { 'docker-content-digest': digest } }
    }
    const blob = /^blobs\/(.+)$/.exec(path)
    if (blob !== null) {
      const stored = fake.blobs.get(blob[1] ?? '')
      if (stored === undefined) return { status: 404 }
      return {
        status: 200,
        headers: { 'content-length': String(stored.length) },
        body: stored
      }
    }
    const referrers = /^referrers\/(.+)$/.exec(path)
    if (referrers !== null) {
      if (!fake.referrersApi) return { status: 404 }
      return referrersOf(fake, referrers[1] ?? '')
    }
    const manifest = /^manifests\/(.+)$/.exec(path)
    if (manifest === null) return { status: 404 }
    const reference = manifest[1] ?? ''
    if (method === 'PUT') {
      const stored = { bytes: body, type: request.headers['content-type'] ?? '' }
      const digest = digestOf(body)
      fake.manifests.set(reference, stored)
      fake.manifests.set(digest, stored)
      const subject = (JSON.parse(body.toString()) as { subject?: { digest: string } }).subject
      const headers: Record<string, string> = { 'docker-content-digest': digest }
      if (fake.referrersApi && subject !== undefined) headers['oci-subject'] = subject.digest
      return { status: 201, headers }
    }
    const stored = fake.manifests.get(reference)
    if (stored === undefined) return { status: 404 }
    return {
      status: 200,
      headers: { 'content-type': stored.type, 'docker-content-digest': digestOf(stored.bytes) },
      body: stored.bytes
    }
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const method = request.method ?? ''
      const url = new URL(request.url ?? '/', 'http://x')
      fake.log.push(`${method} ${url.pathname}${url.search}`)
      const { status, headers, body } = answer(method, url, Buffer.concat(chunks), request)
      response.writeHead(status, headers).end(method === 'HEAD' ? undefined : body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  ;(fake as { host: string }).host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  return fake
}

/** The referrers API's answer: every stored manifest whose subject is `digest`. */
function referrersOf(fake: FakeOciRegistry, digest: string): Answer {
  const manifests = new Map<string, object>()
  for (const [, { bytes, type }] of fake.manifests) {
    const parsed = JSON.parse(bytes.toString()) as {
      artifactType?: string
      subject?: { digest: string }
      annotations?: Record<string, string>
    }
    if (parsed.subject?.digest !== digest) continue
    manifests.set(digestOf(bytes), {
      mediaType: type,
      digest: digestOf(bytes),
      size: bytes.length,
      artifactType: parsed.artifactType,
      annotations: parsed.annotations
    })
  }
  return {
    status: 200,
    headers: { 'content-type': 'application/vnd.oci.image.index.v1+json' },
    body: JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [...manifests.values()]
    })
  }
}
