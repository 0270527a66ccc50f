import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { RegistryClient } from '../../src/registry/client.js'
import { imageRevisions } from '../../src/registry/image-revision.js'
import { OCI_INDEX, OCI_MANIFEST } from '../../src/registry/media-types.js'

const FAST = { attempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxWaitMs: 1, timeoutMs: 2000 }
const SHA = 'a'.repeat(40)
const OTHER = 'b'.repeat(40)

type Blobs = Map<string, { type: string; bytes: Buffer }>

function digestOf(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

function add(blobs: Blobs, type: string, value: unknown): string {
  const bytes = Buffer.from(JSON.stringify(value))
  const digest = digestOf(bytes)
  blobs.set(digest, { type, bytes })
  return digest
}

function image(
  blobs: Blobs,
  labels: Record<string, string> | null,
  configSize?: number,
  annotations?: Record<string, string>
): string {
  const config = add(blobs, 'application/json', { config: { Labels: labels } })
  return add(blobs, OCI_MANIFEST, {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { digest: config, size: configSize ?? 10, mediaType: 'application/json' },
    layers: [],
    ...(annotations === undefined ? {} : { annotations })
  })
}

function index(blobs: Blobs, manifests: unknown[]): string {
  return add(blobs, OCI_INDEX, { schemaVersion: 2, mediaType: OCI_INDEX, manifests })
}

let server: Server | undefined
afterEach(() => server?.close())

async function registry(blobs: Blobs): Promise<{ client: RegistryClient; asked: string[] }> {
  const asked: string[] = []
  server = createServer((request, response) => {
    asked.push(request.url ?? '')
    const digest = (request.url ?? '').split('/').at(-1) ?? ''
    const found = blobs.get(digest)
    if (found === undefined) return response.writeHead(404).end()
    response.writeHead(200, { 'content-type': found.type }).end(found.bytes)
  })
  const listening = server
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve))
  const host = `127.0.0.1:${(listening.address() as AddressInfo).port}`
  return { client: new RegistryClient(host, { access: 'pull', retry: FAST }), asked }
}

describe('imageRevisions', () => {
  it('reads the revision label from the config of a single image', async () => {
    const blobs: Blobs = new Map()
    const digest = image(blobs, { 'org.opencontainers.image.revision': SHA })
    const { client } = await registry(blobs)
    expect(await imageRevisions(client, 'acme/web', digest)).toEqual([SHA])
  })

  it('reads the revision annotation of the manifest without fetching the config', async () => {
    const blobs: Blobs = new Map()
    const digest = image(blobs, { 'org.opencontainers.image.revision': OTHER }, undefined, {
      'org.opencontainers.image.revision': SHA
    })
    const { client, asked } = await registry(blobs)
    expect(await imageRevisions(client, 'acme/web', digest)).toEqual([SHA])
    expect(asked).toEqual([`/v2/acme/web/manifests/${digest}`])
  })

  it('reads each platform image’s annotation under an index', async () => {
    const blobs: Blobs = new Map()
    const amd = image(blobs, null, undefined, { 'org.opencontainers.image.revision': SHA })
    const digest = index(blobs, [
      { mediaType: OCI_MANIFEST, digest: amd, platform: { os: 'linux', architecture: 'amd64' } }
    ])
    const { client, asked } = await registry(blobs)
    expect(await imageRevisions(client, 'acme/web', digest)).toEqual([SHA])
    expect(asked).toHaveLength(2)
  })

  it('reads the index’s descriptor annotation without fetching the platform image', async () => {
    const blobs: Blobs = new Map()
    const amd = image(blobs, { 'org.opencontainers.image.revision': OTHER })
    const digest = index(blobs, [
      {
        mediaType: OCI_MANIFEST,
        digest: amd,
        platform: { os: 'linux', architecture: 'amd64' },
        annotations: { 'org.opencontainers.image.revision': SHA }
      }
    ])
    const { client, asked } = await registry(blobs)
    expect(await imageRevisions(client, 'acme/web', digest)).toEqual([SHA])
    expect(asked).toEqual([`/v2/acme/web/manifests/${digest}`])
  })

  it('answers undefined for an image without the label', async () => {
    const blobs: Blobs = new Map()
    const digest = image(blobs, null)
    const { client } = await registry(blobs)
    expect(await imageRevisions(client, 'acme/web', digest)).toEqual([undefined])
  })

  it('reads every platform of an index and leaves attestations out', async () => {
    const blobs: Blobs = new Map()
    const amd = image(blobs, { 'org.opencontainers.image.revision': SHA })
    const arm = image(blobs, { 'org.opencontainers.image.revision': OTHER })
    const attestation = image(blobs, {})
    const digest = index(blobs, [
      { mediaType: OCI_MANIFEST, digest: amd, platform: { os: 'linux', architecture: 'amd64' } },
      { mediaType: OCI_MANIFEST, digest: arm, platform: { os: 'linux', architecture: 'arm64' } },
      {
        mediaType: OCI_MANIFEST,
        digest: attestation,
        platform: { os: 'unknown', architecture: 'unknown' },
        annotations: { 'vnd.docker.reference.type': 'attestation-manifest' }
      }
    ])
    const { client } = await registry(blobs)
    expect(await imageRevisions(client, 'acme/web', digest)).toEqual([SHA, OTHER])
  })

  it('refuses an index entry that names a tag instead of a digest', async () => {
    const blobs: Blobs = new Map()
    const digest = index(blobs, [{ mediaType: OCI_MANIFEST, digest: 'latest' }])
    const { client, asked } = await registry(blobs)
    await expect(imageRevisions(client, 'acme/web', digest)).rejects.toThrow(
      'lists an image without a digest'
    )
    expect(asked).toHaveLength(1)
  })

  it('refuses an index with more platforms than any real image has', async () => {
    const blobs: Blobs = new Map()
    const one = image(blobs, { 'org.opencontainers.image.revision': SHA })
    const digest = index(
      blobs,
      Array.from({ length: 1000 }, () => ({ mediaType: OCI_MANIFEST, digest: one }))
    )
    const { client } = await registry(blobs)
    await expect(imageRevisions(client, 'acme/web', digest)).rejects.toThrow(
      'lists 1000 platform images (expected 1 to 32)'
    )
  })

  it('refuses a config that says it is larger than the cap, before fetching it', async () => {
    const blobs: Blobs = new Map()
    const digest = image(blobs, {}, 2_000_000_000)
    const { client, asked } = await registry(blobs)
    await expect(imageRevisions(client, 'acme/web', digest)).rejects.toThrow(
      'is 2000000000 bytes, more than the 8 MiB read'
    )
    expect(asked).toHaveLength(1)
  })
})
