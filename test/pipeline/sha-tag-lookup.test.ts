// The SHA tag is asked for as soon as the commit is known, and each answer is used once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Manifest } from '../../src/registry/client.js'
import { sha256Digest } from '../../src/registry/digest.js'
import { OCI_MANIFEST } from '../../src/registry/media-types.js'
import { parseTag, type Tag } from '../../src/registry/reference.js'
import type { ImageRepository } from '../../src/registry/repository.js'
import { ShaTagLookup } from '../../src/pipeline/sha-tag-lookup.js'

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

function repository(held: Manifest | undefined): { store: ImageRepository; asked: Tag[] } {
  const asked: Tag[] = []
  const store = {
    client: { registry: 'ghcr.io' },
    image: { registry: 'ghcr.io', path: 'acme/web' },
    fetch: (reference: Tag) => {
      asked.push(reference)
      return Promise.resolve(held)
    }
  } as unknown as ImageRepository
  return { store, asked }
}

beforeEach(() => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

afterEach(() => {
  vi.restoreAllMocks()
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
    expect(await lookup.existing('before building')).toEqual({ digest: image.digest })
    expect(asked).toEqual([TAG])
  })

  it('asks afresh before pushing: the early answer is used once', async () => {
    const { store, asked } = repository(undefined)
    const lookup = new ShaTagLookup(store, { push: true, ifExists: 'skip' }, TAG, wanted)
    expect(await lookup.existing('before building')).toBeUndefined()
    expect(await lookup.existing('before pushing')).toBeUndefined()
    expect(asked).toEqual([TAG, TAG])
  })

  it('refuses an image whose manifest names another commit', async () => {
    const { store } = repository(annotatedImage('b'.repeat(40)))
    const lookup = new ShaTagLookup(store, { push: true, ifExists: 'skip' }, TAG, wanted)
    await expect(lookup.existing('before building')).rejects.toThrow(
      `holds commit ${'b'.repeat(40)}, not this commit ${SHA}`
    )
  })
})
