import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { uploadBlob, uploadPath } from '../../src/registry/blob-upload.js'
import { MANIFEST_BODY_LIMIT } from '../../src/registry/body.js'
import { listReferrers, pushReferrer } from '../../src/registry/referrers.js'
import {
  digestOf,
  startFakeOciRegistry,
  type FakeOciRegistry
} from '../harness/fakes/oci-registry.js'

const MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const INDEX = 'application/vnd.oci.image.index.v1+json'
const TYPE = 'application/vnd.example.report.v1+json'
const SUBJECT = { mediaType: MANIFEST, digest: `sha256:${'a'.repeat(64)}`, size: 500 }
const TAG = `sha256-${'a'.repeat(64)}`

let fake: FakeOciRegistry

beforeEach(async () => {
  fake = await startFakeOciRegistry()
})

afterEach(async () => {
  await fake.close()
})

function artifact(text: string): { artifactType: string; mediaType: string; bytes: Buffer } {
  return { artifactType: TYPE, mediaType: TYPE, bytes: Buffer.from(text) }
}

function referrersIndex(): { manifests: { digest: string; artifactType?: string }[] } {
  const stored = fake.manifests.get(TAG)
  if (stored === undefined) throw new Error('no referrers tag')
  expect(stored.type).toBe(INDEX)
  return JSON.parse(stored.bytes.toString()) as { manifests: { digest: string }[] }
}

describe('uploadBlob', () => {
  it('starts an upload, resolves the relative Location and puts the bytes with their digest', async () => {
    const descriptor = await uploadBlob(fake.transport(), 'acme/web', TYPE, Buffer.from('hello'))
    expect(descriptor).toEqual({ mediaType: TYPE, digest: digestOf('hello'), size: 5 })
    expect(fake.blobs.get(digestOf('hello'))?.toString()).toBe('hello')
    expect(fake.log).toEqual([
      `HEAD /v2/acme/web/blobs/${digestOf('hello')}`,
      'POST /v2/acme/web/blobs/uploads/',
      `PUT /v2/acme/web/blobs/uploads/u1?_state=s&digest=${encodeURIComponent(digestOf('hello'))}`
    ])
  })

  it('follows an absolute Location on the registry itself', async () => {
    fake.uploadLocation = (id) => `http://${fake.host}/v2/acme/web/blobs/uploads/${id}`
    await uploadBlob(fake.transport(), 'acme/web', TYPE, Buffer.from('hello'))
    expect(fake.blobs.has(digestOf('hello'))).toBe(true)
  })

  it('uploads nothing when the registry already has the blob', async () => {
    fake.blobs.set(digestOf('hello'), Buffer.from('hello'))
    await uploadBlob(fake.transport(), 'acme/web', TYPE, Buffer.from('hello'))
    expect(fake.log).toEqual([`HEAD /v2/acme/web/blobs/${digestOf('hello')}`])
  })

  it('refuses a Location on another host: our credentials would follow the PUT there', async () => {
    fake.uploadLocation = () => 'http://169.254.169.254/v2/acme/web/blobs/uploads/x'
    await expect(
      uploadBlob(fake.transport(), 'acme/web', TYPE, Buffer.from('hello'))
    ).rejects.toThrow(/upload Location 'http:\/\/169\.254\.169\.254\/.*' is outside .*: refused/)
    expect(fake.log.filter((line) => line.startsWith('PUT'))).toEqual([])
  })

  it('fails when the registry says it stored other bytes than those sent', async () => {
    fake.override = (method) =>
      method === 'PUT'
        ? { status: 201, headers: { 'docker-content-digest': digestOf('other') } }
        : undefined
    await expect(
      uploadBlob(fake.transport(), 'acme/web', TYPE, Buffer.from('hello'))
    ).rejects.toThrow(
      `stored the blob as ${digestOf('other')}, but the blob sent was ${digestOf('hello')}`
    )
  })

  it('refuses to hold a large body in memory for a single-request upload', async () => {
    await expect(
      uploadBlob(fake.transport(), 'acme/web', TYPE, Buffer.alloc(2 * 1024 * 1024))
    ).rejects.toThrow('too large for a single-request upload')
    expect(fake.log).toEqual([])
  })
})

describe('uploadPath', () => {
  it.each([
    ['/v2/acme/web/blobs/uploads/u1', 'blobs/uploads/u1?digest=sha256%3Aab'],
    ['/v2/acme/web/blobs/uploads/u1?_state=x', 'blobs/uploads/u1?_state=x&digest=sha256%3Aab'],
    ['u1', 'blobs/uploads/u1?digest=sha256%3Aab'],
    ['http://r.test/v2/acme/web/blobs/uploads/u1', 'blobs/uploads/u1?digest=sha256%3Aab']
  ])('makes %s a path under the repository', (location, path) => {
    expect(uploadPath('http://r.test', 'acme/web', location, 'sha256:ab')).toBe(path)
  })

  it.each([
    'https://r.test/v2/acme/web/blobs/uploads/u1',
    'http://r.test/v2/acme/other/blobs/uploads/u1',
    '/v2/acme/web/manifests/latest',
    '/v2/acme/web/blobs/uploads/../../../other/blobs/uploads/u1'
  ])('refuses %s', (location) => {
    expect(() => uploadPath('http://r.test', 'acme/web', location, 'sha256:ab')).toThrow('refused')
  })
})

describe('pushReferrer on a registry without the referrers API', () => {
  it('puts the artifact by digest and lists it in a new referrers tag with its artifact type', async () => {
    const pushed = await pushReferrer(fake.transport(), 'acme/web', SUBJECT, artifact('one'))
    expect(pushed.listedBy).toBe('referrers-tag')
    expect(fake.manifests.get(pushed.digest)?.type).toBe(MANIFEST)
    expect(
      fake.blobs.has('sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a')
    ).toBe(true)
    expect(referrersIndex().manifests).toEqual([
      {
        mediaType: MANIFEST,
        digest: pushed.digest,
        size: fake.manifests.get(pushed.digest)?.bytes.length,
        artifactType: TYPE
      }
    ])
  })

  it('adds to the referrers already listed and never lists one twice', async () => {
    const first = await pushReferrer(fake.transport(), 'acme/web', SUBJECT, artifact('one'))
    const second = await pushReferrer(fake.transport(), 'acme/web', SUBJECT, artifact('two'))
    await pushReferrer(fake.transport(), 'acme/web', SUBJECT, artifact('two'))
    expect(referrersIndex().manifests.map((entry) => entry.digest)).toEqual([
      first.digest,
      second.digest
    ])
  })

  it('fails, and leaves the tag as it was, when the referrers tag holds something else', async () => {
    const foreign = Buffer.from(
      JSON.stringify({ schemaVersion: 2, mediaType: MANIFEST, layers: [] })
    )
    fake.manifests.set(TAG, { bytes: foreign, type: MANIFEST })
    await expect(
      pushReferrer(fake.transport(), 'acme/web', SUBJECT, artifact('one'))
    ).rejects.toThrow(
      `acme/web:${TAG}: the referrers tag holds something other than an image index`
    )
    expect(fake.manifests.get(TAG)?.bytes).toEqual(foreign)
  })
})

describe('pushReferrer: the requests it sends together', () => {
  it('reads the referrers tag while both blobs upload: three requests in flight at once', async () => {
    const transport = fake.transport()
    const request = transport.request.bind(transport)
    let inFlight = 0
    let most = 0
    vi.spyOn(transport, 'request').mockImplementation(async (call) => {
      most = Math.max(most, ++inFlight)
      try {
        return await request(call)
      } finally {
        inFlight--
      }
    })
    await pushReferrer(transport, 'acme/web', SUBJECT, artifact('one'))
    expect(most).toBe(3)
    expect(fake.log.indexOf(`GET /v2/acme/web/manifests/${TAG}`)).toBeLessThan(
      fake.log.findIndex((line) => line.startsWith('PUT /v2/acme/web/manifests/sha256:'))
    )
  })

  it('uploads a fresh artifact without asking the registry for it first', async () => {
    await pushReferrer(fake.transport(), 'acme/web', SUBJECT, { ...artifact('one'), fresh: true })
    expect(fake.log).not.toContain(`HEAD /v2/acme/web/blobs/${digestOf('one')}`)
    expect(fake.blobs.get(digestOf('one'))?.toString()).toBe('one')
  })

  it('asks for an artifact that is not fresh, and uploads nothing the registry has', async () => {
    fake.blobs.set(digestOf('one'), Buffer.from('one'))
    fake.blobs.set(digestOf('{}'), Buffer.from('{}'))
    await pushReferrer(fake.transport(), 'acme/web', SUBJECT, artifact('one'))
    expect(fake.log.filter((line) => line.startsWith('POST'))).toEqual([])
  })

  it('ignores a failed read of the referrers tag where the registry lists by its API', async () => {
    fake.referrersApi = true
    fake.override = (method, path) =>
      method === 'GET' && path.endsWith(`/manifests/${TAG}`) ? { status: 500 } : undefined
    const pushed = await pushReferrer(fake.transport(), 'acme/web', SUBJECT, artifact('one'))
    expect(pushed.listedBy).toBe('referrers-api')
  })

  it('fails on a failed read of the referrers tag where the tag must list it, and puts no tag', async () => {
    fake.override = (method, path) =>
      method === 'GET' && path.endsWith(`/manifests/${TAG}`) ? { status: 500 } : undefined
    await expect(
      pushReferrer(fake.transport(), 'acme/web', SUBJECT, artifact('one'))
    ).rejects.toThrow(`could not fetch acme/web:${TAG}: 500`)
    expect(fake.manifests.has(TAG)).toBe(false)
  })

  it('fails when a blob upload fails, once the other upload has ended, and puts no manifest', async () => {
    fake.override = (method) => (method === 'POST' ? { status: 503 } : undefined)
    await expect(
      pushReferrer(fake.transport(), 'acme/web', SUBJECT, { ...artifact('one'), fresh: true })
    ).rejects.toThrow('could not start an upload: 503')
    expect(fake.log.filter((line) => line.startsWith('PUT'))).toEqual([])
  })
})

describe('pushReferrer on a registry with the referrers API', () => {
  it('leaves the listing to the registry when it answers OCI-Subject', async () => {
    fake.referrersApi = true
    const pushed = await pushReferrer(fake.transport(), 'acme/web', SUBJECT, artifact('one'))
    expect(pushed.listedBy).toBe('referrers-api')
    expect(fake.manifests.has(TAG)).toBe(false)
  })
})

describe('listReferrers', () => {
  it('asks the referrers API, filtered by artifact type, when there is no referrers tag', async () => {
    fake.referrersApi = true
    const pushed = await pushReferrer(fake.transport(), 'acme/web', SUBJECT, artifact('one'))
    fake.log.length = 0
    const listed = await listReferrers(fake.transport(), 'acme/web', SUBJECT.digest, TYPE)
    expect(listed.map((referrer) => referrer.digest)).toEqual([pushed.digest])
    expect(fake.log).toEqual([
      `GET /v2/acme/web/manifests/${TAG}`,
      `GET /v2/acme/web/referrers/${SUBJECT.digest}?artifactType=${encodeURIComponent(TYPE)}`
    ])
  })

  it('reads the referrers tag alone where it exists: one request', async () => {
    const pushed = await pushReferrer(fake.transport(), 'acme/web', SUBJECT, artifact('one'))
    fake.log.length = 0
    const listed = await listReferrers(fake.transport(), 'acme/web', SUBJECT.digest, TYPE)
    expect(listed.map((referrer) => referrer.digest)).toEqual([pushed.digest])
    expect(fake.log).toEqual([`GET /v2/acme/web/manifests/${TAG}`])
  })

  it('lists the annotations an artifact was pushed with', async () => {
    const annotations = { 'org.example.note': 'kept' }
    await pushReferrer(fake.transport(), 'acme/web', SUBJECT, { ...artifact('one'), annotations })
    const listed = await listReferrers(fake.transport(), 'acme/web', SUBJECT.digest, TYPE)
    expect(listed.map((referrer) => referrer.annotations)).toEqual([annotations])
  })

  it('finds none when neither the API nor the tag exists', async () => {
    expect(await listReferrers(fake.transport(), 'acme/web', SUBJECT.digest, TYPE)).toEqual([])
  })

  it('drops referrers of another artifact type when the registry ignores the filter', async () => {
    const ours = await pushReferrer(fake.transport(), 'acme/web', SUBJECT, artifact('one'))
    await pushReferrer(fake.transport(), 'acme/web', SUBJECT, {
      ...artifact('sig'),
      artifactType: 'application/vnd.example.signature'
    })
    const listed = await listReferrers(fake.transport(), 'acme/web', SUBJECT.digest, TYPE)
    expect(listed.map((referrer) => referrer.digest)).toEqual([ours.digest])
  })

  it('stops reading a referrers answer larger than a manifest may be', async () => {
    fake.override = (_, path) =>
      path.includes('/referrers/')
        ? { status: 200, body: Buffer.alloc(MANIFEST_BODY_LIMIT + 1, 0x20) }
        : undefined
    await expect(listReferrers(fake.transport(), 'acme/web', SUBJECT.digest, TYPE)).rejects.toThrow(
      'is larger than 4 MiB: stopped reading'
    )
  })

  it('fails when the referrers tag does not match the digest the registry announced', async () => {
    await pushReferrer(fake.transport(), 'acme/web', SUBJECT, artifact('one'))
    fake.override = (method, path) =>
      method === 'GET' && path.endsWith(`/manifests/${TAG}`)
        ? {
            status: 200,
            headers: { 'docker-content-digest': digestOf('x') },
            body: fake.manifests.get(TAG)?.bytes ?? ''
          }
        : undefined
    await expect(listReferrers(fake.transport(), 'acme/web', SUBJECT.digest, TYPE)).rejects.toThrow(
      'does not match its digest'
    )
  })
})
