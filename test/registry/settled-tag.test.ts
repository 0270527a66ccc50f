// A tag read while another client's docker push is halfway names a child manifest for a moment.
import { describe, expect, it } from 'vitest'
import type { Manifest } from '../../src/registry/client.js'
import { sha256Digest } from '../../src/registry/digest.js'
import { OCI_INDEX, OCI_MANIFEST } from '../../src/registry/media-types.js'
import { isAttestationManifest, settledTag } from '../../src/registry/settled-tag.js'

function manifest(mediaType: string, body: object): Manifest {
  const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, ...body }))
  return { digest: sha256Digest(bytes), mediaType, size: bytes.length, bytes }
}

const config = {
  mediaType: 'application/vnd.oci.image.config.v1+json',
  digest: 'sha256:c',
  size: 2
}
const platformImage = manifest(OCI_MANIFEST, {
  config,
  layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: 'sha256:l' }]
})
const attestation = manifest(OCI_MANIFEST, {
  config,
  layers: [{ mediaType: 'application/vnd.in-toto+json', digest: 'sha256:s' }]
})
const index = manifest(OCI_INDEX, {
  manifests: [{ mediaType: OCI_MANIFEST, digest: platformImage.digest }]
})

/** A tag whose reads answer in turn (the last answer repeats), and the waits asked for. */
function tagReading(answers: (Manifest | undefined)[]) {
  const waits: number[] = []
  let reads = 0
  const read = (): Promise<Manifest | undefined> => {
    reads++
    return Promise.resolve(answers.length > 1 ? answers.shift() : answers[0])
  }
  const sleep = (ms: number): Promise<void> => {
    waits.push(ms)
    return Promise.resolve()
  }
  return { read, sleep, waits, reads: () => reads }
}

describe('isAttestationManifest', () => {
  it('is a manifest whose layers are all in-toto statements, never an image or an index', () => {
    expect(isAttestationManifest(attestation)).toBe(true)
    expect(isAttestationManifest(platformImage)).toBe(false)
    expect(isAttestationManifest(index)).toBe(false)
    expect(isAttestationManifest(manifest(OCI_MANIFEST, { config, layers: [] }))).toBe(false)
    const notJson = { ...platformImage, bytes: Buffer.from('{') }
    expect(isAttestationManifest(notJson)).toBe(false)
  })
})

describe('settledTag', () => {
  it('takes an index or nothing at once: that is where a push ends', async () => {
    for (const first of [index, undefined]) {
      const tag = tagReading([platformImage])
      expect(await settledTag(first, tag.read, tag.sleep)).toBe(first)
      expect(tag.reads()).toBe(0)
    }
  })

  it('reads on past the platform image and the attestation to the index', async () => {
    const tag = tagReading([attestation, index])
    expect(await settledTag(platformImage, tag.read, tag.sleep)).toBe(index)
    expect(tag.waits).toEqual([150, 300])
  })

  it('takes a lone manifest that two reads agree on', async () => {
    const tag = tagReading([platformImage])
    expect(await settledTag(platformImage, tag.read, tag.sleep)).toEqual(platformImage)
    expect(tag.reads()).toBe(1)
  })

  it('does not take an attestation that two reads agree on, until the waits run out', async () => {
    const tag = tagReading([attestation])
    expect(await settledTag(attestation, tag.read, tag.sleep)).toEqual(attestation)
    expect(tag.waits).toEqual([150, 300, 600, 1200])
  })

  it('gives nothing when the tag goes away meanwhile', async () => {
    const tag = tagReading([undefined])
    expect(await settledTag(platformImage, tag.read, tag.sleep)).toBeUndefined()
    expect(tag.reads()).toBe(1)
  })
})
