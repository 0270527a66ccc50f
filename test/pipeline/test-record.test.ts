// The test record in the registry: attached to the image as a referrer, read back, foreign and
// hostile ones passed over.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  attachTestRecord,
  pushTestRecord,
  readTestRecord,
  RECORD_ANNOTATION,
  TEST_REPORT_TYPE,
  type TestRecord
} from '../../src/pipeline/test-record.js'
import { artifactManifest } from '../../src/registry/oci-artifact.js'
import { pushReferrer } from '../../src/registry/referrers.js'
import {
  digestOf,
  startFakeOciRegistry,
  type FakeOciRegistry
} from '../harness/fakes/oci-registry.js'
import { captureStdout } from '../harness/fakes/stdout.js'
import {
  IMAGE,
  IMAGE_DIGEST,
  MANIFEST,
  OTHER_IMAGE,
  RECORD,
  SHA
} from '../harness/fakes/test-record-fixture.js'

let fake: FakeOciRegistry

beforeEach(async () => {
  fake = await startFakeOciRegistry()
  fake.manifests.set(IMAGE_DIGEST, { bytes: IMAGE, type: MANIFEST })
  fake.manifests.set(digestOf(OTHER_IMAGE), { bytes: OTHER_IMAGE, type: MANIFEST })
})

afterEach(async () => {
  vi.restoreAllMocks()
  await fake.close()
})

function read(digest = IMAGE_DIGEST, sha = SHA): Promise<TestRecord | undefined> {
  return readTestRecord(fake.transport(), 'acme/web', digest, sha)
}

/** Pushes a referrer of the image by hand: hostile or foreign records. */
function plant(body: unknown, artifactType = TEST_REPORT_TYPE, subject = IMAGE): Promise<unknown> {
  return pushReferrer(
    fake.transport(),
    'acme/web',
    { mediaType: MANIFEST, digest: digestOf(subject), size: subject.length },
    { artifactType, mediaType: TEST_REPORT_TYPE, bytes: Buffer.from(JSON.stringify(body)) }
  )
}

describe('pushTestRecord, then readTestRecord', () => {
  it('attaches the record to the image’s own descriptor and reads it back', async () => {
    await pushTestRecord(fake.transport(), 'acme/web', IMAGE_DIGEST, RECORD)
    const index = JSON.parse(
      fake.manifests.get(`sha256-${IMAGE_DIGEST.slice(7)}`)?.bytes.toString() ?? ''
    ) as {
      manifests: { digest: string }[]
    }
    const manifest = JSON.parse(
      fake.manifests.get(index.manifests[0]?.digest ?? '')?.bytes.toString() ?? ''
    ) as {
      subject: unknown
      artifactType: string
    }
    expect(manifest.subject).toEqual({
      mediaType: MANIFEST,
      digest: IMAGE_DIGEST,
      size: IMAGE.length
    })
    expect(manifest.artifactType).toBe(TEST_REPORT_TYPE)
    expect(await read()).toEqual(RECORD)
  })

  it('reads it through the referrers API where the registry has one', async () => {
    fake.referrersApi = true
    await pushTestRecord(fake.transport(), 'acme/web', IMAGE_DIGEST, RECORD)
    expect(await read()).toEqual(RECORD)
    expect(fake.log.some((line) => line.includes('/referrers/'))).toBe(true)
  })

  it('reads it from the referrers listing alone: no manifest or blob fetched', async () => {
    await pushTestRecord(fake.transport(), 'acme/web', IMAGE_DIGEST, RECORD)
    fake.log.length = 0
    expect(await read()).toEqual(RECORD)
    expect(fake.log).toEqual([`GET /v2/acme/web/manifests/sha256-${IMAGE_DIGEST.slice(7)}`])
  })

  it('reads the record itself when the listing’s copy names another subject', async () => {
    const copied = { ...RECORD, runUrl: 'https://github.com/acme/web/actions/runs/666' }
    await pushReferrer(
      fake.transport(),
      'acme/web',
      { mediaType: MANIFEST, digest: IMAGE_DIGEST, size: IMAGE.length },
      {
        artifactType: TEST_REPORT_TYPE,
        mediaType: TEST_REPORT_TYPE,
        bytes: Buffer.from(JSON.stringify(RECORD)),
        annotations: {
          [RECORD_ANNOTATION]: JSON.stringify({ subject: digestOf(OTHER_IMAGE), ...copied })
        }
      }
    )
    expect(await read()).toEqual(RECORD)
  })

  it('fails to push for an image the registry does not hold', async () => {
    await expect(
      pushTestRecord(fake.transport(), 'acme/web', `sha256:${'0'.repeat(64)}`, RECORD)
    ).rejects.toThrow('is not in the registry')
  })

  it('gives the newest record of this commit when a commit was recorded more than once', async () => {
    const later = {
      ...RECORD,
      runUrl: 'https://github.com/acme/web/actions/runs/2',
      recordedAt: '2026-11-25T09:00:00.000Z'
    }
    await pushTestRecord(fake.transport(), 'acme/web', IMAGE_DIGEST, later)
    await pushTestRecord(fake.transport(), 'acme/web', IMAGE_DIGEST, RECORD)
    expect(await read()).toEqual(later)
  })
})

describe('pushTestRecord with what the push’s look-up said of the image', () => {
  const LOOKED_UP = { mediaType: MANIFEST, digest: IMAGE_DIGEST, size: IMAGE.length }

  function subjectOfRecord(): unknown {
    const index = JSON.parse(
      fake.manifests.get(`sha256-${IMAGE_DIGEST.slice(7)}`)?.bytes.toString() ?? ''
    ) as { manifests: { digest: string }[] }
    const manifest = JSON.parse(
      fake.manifests.get(index.manifests[0]?.digest ?? '')?.bytes.toString() ?? ''
    ) as { subject: unknown }
    return manifest.subject
  }

  it('names the image by that descriptor, without asking for its manifest again', async () => {
    await pushTestRecord(fake.transport(), 'acme/web', IMAGE_DIGEST, RECORD, LOOKED_UP)
    expect(fake.log).not.toContain(`GET /v2/acme/web/manifests/${IMAGE_DIGEST}`)
    expect(subjectOfRecord()).toEqual(LOOKED_UP)
    expect(await read()).toEqual(RECORD)
  })

  it.each([
    ['no length', { ...LOOKED_UP, size: 0 }],
    ['a media type that is no manifest’s', { ...LOOKED_UP, mediaType: 'text/html' }],
    ['another digest', { ...LOOKED_UP, digest: digestOf(OTHER_IMAGE) }],
    ['a size no manifest has', { ...LOOKED_UP, size: 1e12 }]
  ])('asks for the manifest when the look-up gave %s', async (_, lookedUp) => {
    await pushTestRecord(fake.transport(), 'acme/web', IMAGE_DIGEST, RECORD, lookedUp)
    expect(fake.log).toContain(`GET /v2/acme/web/manifests/${IMAGE_DIGEST}`)
    expect(subjectOfRecord()).toEqual(LOOKED_UP)
  })

  it('uploads the record without asking whether the registry has it: it carries its time', async () => {
    await pushTestRecord(fake.transport(), 'acme/web', IMAGE_DIGEST, RECORD, LOOKED_UP)
    expect(fake.log.filter((line) => line.startsWith('HEAD'))).toEqual([
      `HEAD /v2/acme/web/blobs/${digestOf('{}')}`
    ])
  })
})

describe('attachTestRecord', () => {
  it('warns, and does not throw, when the record cannot be attached after the push', async () => {
    const foreign = Buffer.from(
      JSON.stringify({ schemaVersion: 2, mediaType: MANIFEST, layers: [] })
    )
    fake.manifests.set(`sha256-${IMAGE_DIGEST.slice(7)}`, { bytes: foreign, type: MANIFEST })
    const printed = captureStdout()
    await attachTestRecord(fake.transport(), 'acme/web', IMAGE_DIGEST, RECORD)
    expect(printed()).toContain(
      '::warning::The image is pushed, but its test record could not be attached: '
    )
    expect(printed()).toContain('the referrers tag holds something other than an image index')
  })

  it('says where it attached the record', async () => {
    const printed = captureStdout()
    await attachTestRecord(fake.transport(), 'acme/web', IMAGE_DIGEST, RECORD)
    expect(printed()).toMatch(
      new RegExp(
        `Attached the test record sha256:[a-f0-9]{64} to ${IMAGE_DIGEST} \\(listed by the referrers-tag\\)`
      )
    )
    expect(printed()).not.toContain('::warning::')
  })
})

describe('readTestRecord ignores what is not this image’s record for this commit', () => {
  it('finds none when the image has no referrers', async () => {
    expect(await read()).toBeUndefined()
  })

  it('ignores a record of another commit', async () => {
    await pushTestRecord(fake.transport(), 'acme/web', IMAGE_DIGEST, {
      ...RECORD,
      commit: 'b'.repeat(40)
    })
    expect(await read()).toBeUndefined()
  })

  it('ignores a referrer whose manifest has another artifact type, whatever the index says', async () => {
    await plant(RECORD, 'application/vnd.example.other')
    const tag = `sha256-${IMAGE_DIGEST.slice(7)}`
    const index = JSON.parse(fake.manifests.get(tag)?.bytes.toString() ?? '') as {
      manifests: { artifactType: string }[]
    }
    for (const entry of index.manifests) entry.artifactType = TEST_REPORT_TYPE
    fake.manifests.set(tag, {
      bytes: Buffer.from(JSON.stringify(index)),
      type: 'application/vnd.oci.image.index.v1+json'
    })
    expect(await read()).toBeUndefined()
  })

  it('ignores a record listed under this image whose subject is another image', async () => {
    await plant(RECORD, TEST_REPORT_TYPE, OTHER_IMAGE)
    const otherIndex = fake.manifests.get(`sha256-${digestOf(OTHER_IMAGE).slice(7)}`)
    if (otherIndex === undefined) throw new Error('no index')
    fake.manifests.set(`sha256-${IMAGE_DIGEST.slice(7)}`, otherIndex)
    expect(await read()).toBeUndefined()
  })

  it('ignores a record that does not parse', async () => {
    await plant({ ...RECORD, result: 'tested before' })
    expect(await read()).toBeUndefined()
  })

  it('does not read a record blob larger than a record may be', async () => {
    const layer = {
      mediaType: TEST_REPORT_TYPE,
      digest: `sha256:${'7'.repeat(64)}`,
      size: 10 * 1024 * 1024
    }
    const manifest = artifactManifest(
      TEST_REPORT_TYPE,
      { mediaType: MANIFEST, digest: IMAGE_DIGEST, size: IMAGE.length },
      layer
    )
    fake.manifests.set(digestOf(manifest), { bytes: manifest, type: MANIFEST })
    fake.manifests.set(`sha256-${IMAGE_DIGEST.slice(7)}`, {
      type: 'application/vnd.oci.image.index.v1+json',
      bytes: Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.index.v1+json',
          manifests: [
            {
              mediaType: MANIFEST,
              digest: digestOf(manifest),
              size: manifest.length,
              artifactType: TEST_REPORT_TYPE
            }
          ]
        })
      )
    })
    expect(await read()).toBeUndefined()
    expect(fake.log.some((line) => line.includes(layer.digest))).toBe(false)
  })

  it('stops reading a record blob that is larger than its descriptor said', async () => {
    await plant(RECORD)
    fake.override = (method, path) =>
      method === 'GET' && path.includes('/blobs/')
        ? { status: 200, body: Buffer.alloc(65 * 1024, 0x20) }
        : undefined
    await expect(read()).rejects.toThrow('is larger than 65536 bytes: stopped reading')
  })
})
