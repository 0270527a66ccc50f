// The SHA tag is asked for as soon as the commit is known, and each answer is used once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Manifest } from '../../src/registry/client.js'
import { sha256Digest } from '../../src/registry/digest.js'
import { OCI_INDEX, OCI_MANIFEST } from '../../src/registry/media-types.js'
import { parseTag, type Tag } from '../../src/registry/reference.js'
import type { ImageRepository } from '../../src/registry/repository.js'
import type { TestRecord } from '../../src/pipeline/test-record.js'

const recordReads = vi.hoisted(() => [] as { digest: string; sha: string }[])
/** What the test record reads answer: a record, unless a test says none for a digest. */
const RECORD = vi.hoisted(() => Promise.resolve({ result: 'passed' } as TestRecord | undefined))
const unrecorded = vi.hoisted(() => new Set<string>())
vi.mock('../../src/pipeline/test-record.js', () => ({
  startReadingRecord: (_registry: unknown, digest: string, sha: string) => {
    recordReads.push({ digest, sha })
    return unrecorded.has(digest) ? Promise.resolve(undefined) : RECORD
  }
}))

const { guessShaTag, ShaTagLookup } = await import('../../src/pipeline/sha-tag-lookup.js')

const SHA = 'a'.repeat(40)
const TAG = parseTag('sha-aaaaaaa')
const wanted = { reference: 'ghcr.io/acme/web:sha-aaaaaaa', sha: SHA }

function annotatedImage(revision: string): Manifest {
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { digest: `sha256:${'c'.repeat(64)}`, size: 2 },
      layers: [],
      annotations: { 'org.opencontainers.image.revision': revision }
    })
  )
  return { digest: sha256Digest(bytes), mediaType: OCI_MANIFEST, size: bytes.length, bytes }
}

/** A single-platform index with its attestation, as buildx makes it, naming `revision`. */
function indexOf(image: Manifest, revision: string): Manifest {
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [
        {
          mediaType: OCI_MANIFEST,
          digest: image.digest,
          size: image.size,
          annotations: { 'org.opencontainers.image.revision': revision },
          platform: { architecture: 'amd64', os: 'linux' }
        }
      ]
    })
  )
  return { digest: sha256Digest(bytes), mediaType: OCI_INDEX, size: bytes.length, bytes }
}

const ATTESTATION = ((): Manifest => {
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { digest: `sha256:${'c'.repeat(64)}`, size: 2 },
      layers: [{ mediaType: 'application/vnd.in-toto+json', digest: `sha256:${'d'.repeat(64)}` }]
    })
  )
  return { digest: sha256Digest(bytes), mediaType: OCI_MANIFEST, size: bytes.length, bytes }
})()

/** A registry whose SHA tag answers `held` in turn, the last answer repeating. */
function repository(...held: (Manifest | undefined)[]): { store: ImageRepository; asked: Tag[] } {
  const asked: Tag[] = []
  const store = {
    client: { registry: 'ghcr.io' },
    image: { registry: 'ghcr.io', path: 'acme/web' },
    fetch: (reference: Tag) => {
      asked.push(reference)
      return Promise.resolve(held.length > 1 ? held.shift() : held[0])
    }
  } as unknown as ImageRepository
  return { store, asked }
}

beforeEach(() => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

afterEach(() => {
  vi.restoreAllMocks()
  recordReads.length = 0
  unrecorded.clear()
})

describe('ShaTagLookup', () => {
  it('asks for the tag when it is made, before anything awaits it', () => {
    const { store, asked } = repository(undefined)
    new ShaTagLookup(store, { push: true, ifExists: 'skip' }, TAG, wanted)
    expect(asked).toEqual([TAG])
  })

  it('asks nothing when if-exists does not look', () => {
    const { store, asked } = repository(undefined)
    new ShaTagLookup(store, { push: true, ifExists: 'overwrite' }, TAG, wanted)
    expect(asked).toEqual([])
  })

  it('reuses an image whose manifest names this commit, from the one GET of the tag', async () => {
    const image = annotatedImage(SHA)
    const { store, asked } = repository(image)
    const lookup = new ShaTagLookup(store, { push: true, ifExists: 'skip' }, TAG, wanted)
    expect(await lookup.existing('before building')).toEqual({
      digest: image.digest,
      record: RECORD
    })
    expect(asked).toEqual([TAG])
  })

  it('asks for the test record of what the tag holds once it answers, while the commit is checked', async () => {
    const image = annotatedImage(SHA)
    const { store } = repository(image)
    new ShaTagLookup(store, { push: true, ifExists: 'skip' }, TAG, wanted)
    await new Promise(setImmediate)
    expect(recordReads).toEqual([{ digest: image.digest, sha: SHA }])
  })

  it('asks for no test record where if-exists only fails on the tag, or the tag holds nothing', async () => {
    new ShaTagLookup(
      repository(annotatedImage(SHA)).store,
      { push: true, ifExists: 'fail' },
      TAG,
      wanted
    )
    new ShaTagLookup(repository(undefined).store, { push: true, ifExists: 'skip' }, TAG, wanted)
    await new Promise(setImmediate)
    expect(recordReads).toEqual([])
  })

  it('asks afresh before pushing: the early answer is used once', async () => {
    const { store, asked } = repository(undefined)
    const lookup = new ShaTagLookup(store, { push: true, ifExists: 'skip' }, TAG, wanted)
    expect(await lookup.existing('before building')).toBeUndefined()
    expect(await lookup.existing('before pushing')).toBeUndefined()
    expect(asked).toEqual([TAG, TAG])
  })

  it('reads the tag again when it names an attestation: a push caught halfway', async () => {
    const index = indexOf(annotatedImage(SHA), SHA)
    const { store, asked } = repository(ATTESTATION, index)
    const lookup = new ShaTagLookup(store, { push: true, ifExists: 'skip' }, TAG, wanted)
    expect(await lookup.existing('before building')).toEqual({ digest: index.digest })
    expect(asked).toEqual([TAG, TAG])
  })

  it('reads the tag again when it names a lone image with no test record: a push caught halfway', async () => {
    const image = annotatedImage(SHA)
    const index = indexOf(image, SHA)
    unrecorded.add(image.digest)
    const { store, asked } = repository(image, index)
    const lookup = new ShaTagLookup(store, { push: true, ifExists: 'skip' }, TAG, wanted)
    expect(await lookup.existing('before building')).toEqual({ digest: index.digest })
    expect(asked).toEqual([TAG, TAG])
  })

  it('reuses a lone image with no test record once two reads agree on it', async () => {
    const image = annotatedImage(SHA)
    unrecorded.add(image.digest)
    const { store, asked } = repository(image)
    const lookup = new ShaTagLookup(store, { push: true, ifExists: 'skip' }, TAG, wanted)
    expect(await lookup.existing('before building')).toMatchObject({ digest: image.digest })
    expect(asked).toEqual([TAG, TAG])
  })

  it('before pushing, reads past another run’s platform image and attestation to its index', async () => {
    const image = annotatedImage(SHA)
    const index = indexOf(image, SHA)
    const { store, asked } = repository(undefined, image, ATTESTATION, index)
    const lookup = new ShaTagLookup(store, { push: true, ifExists: 'skip' }, TAG, wanted)
    expect(await lookup.existing('before building')).toBeUndefined()
    expect(await lookup.existing('before pushing')).toEqual({ digest: index.digest })
    expect(asked).toEqual([TAG, TAG, TAG, TAG])
  })

  it('refuses an image whose manifest names another commit', async () => {
    const { store } = repository(annotatedImage('b'.repeat(40)))
    const lookup = new ShaTagLookup(store, { push: true, ifExists: 'skip' }, TAG, wanted)
    await expect(lookup.existing('before building')).rejects.toThrow(
      `holds commit ${'b'.repeat(40)}, not this commit ${SHA}`
    )
  })
})

describe('guessShaTag: the event commit’s tag, asked while git reads the checkout', () => {
  const policy = { push: true, ifExists: 'skip', shaFormat: 'short' } as const

  it('is used by the lookup when git names the same commit: no second request', async () => {
    const { store, asked } = repository(annotatedImage(SHA))
    const guess = guessShaTag(Promise.resolve(store), policy, SHA)
    await guess?.manifest
    expect(asked).toEqual([TAG])
    const lookup = new ShaTagLookup(store, policy, TAG, wanted, guess)
    expect(await lookup.existing('before building')).toEqual({
      digest: annotatedImage(SHA).digest,
      record: RECORD
    })
    expect(asked).toEqual([TAG])
  })

  it('is left when git names another commit, whose tag the lookup then asks for', async () => {
    const { store, asked } = repository(undefined)
    const guess = guessShaTag(Promise.resolve(store), policy, 'b'.repeat(40))
    await guess?.manifest
    new ShaTagLookup(store, policy, TAG, wanted, guess)
    expect(asked).toEqual([parseTag('sha-bbbbbbb'), TAG])
  })

  it('is not made when if-exists asks the registry nothing, or the event names no commit', () => {
    const { store, asked } = repository(undefined)
    expect(guessShaTag(Promise.resolve(store), { ...policy, ifExists: 'overwrite' }, SHA)).toBe(
      undefined
    )
    expect(guessShaTag(Promise.resolve(store), policy, '')).toBeUndefined()
    expect(asked).toEqual([])
  })
})
