import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  artifactManifest,
  EMPTY_CONFIG,
  EMPTY_CONFIG_BYTES,
  parseArtifactManifest,
  parseReferrers,
  referrersTag,
  withReferrer
} from '../../src/registry/oci-artifact.js'

const INDEX = 'application/vnd.oci.image.index.v1+json'
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const TYPE = 'application/vnd.example.report.v1+json'
const d = (char: string): string => `sha256:${char.repeat(64)}`
const SUBJECT = { mediaType: MANIFEST, digest: d('a'), size: 500 }
const LAYER = { mediaType: TYPE, digest: d('b'), size: 42 }
const REFERRER = { mediaType: MANIFEST, digest: d('c'), size: 700, artifactType: TYPE }

function json(bytes: Buffer | undefined): unknown {
  return JSON.parse(String(bytes))
}

describe('artifactManifest', () => {
  it('is an OCI image manifest with the artifact type, the empty config, one layer and the subject', () => {
    expect(json(artifactManifest(TYPE, { ...SUBJECT, extra: 1 } as typeof SUBJECT, LAYER))).toEqual(
      {
        schemaVersion: 2,
        mediaType: MANIFEST,
        artifactType: TYPE,
        config: {
          mediaType: 'application/vnd.oci.empty.v1+json',
          digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
          size: 2,
          data: 'e30='
        },
        layers: [LAYER],
        subject: SUBJECT
      }
    )
  })

  it('uses an empty config whose digest, size and data are those of {}', () => {
    expect(`sha256:${createHash('sha256').update(EMPTY_CONFIG_BYTES).digest('hex')}`).toBe(
      EMPTY_CONFIG.digest
    )
    expect(EMPTY_CONFIG_BYTES.length).toBe(EMPTY_CONFIG.size)
    expect(Buffer.from(EMPTY_CONFIG.data, 'base64')).toEqual(EMPTY_CONFIG_BYTES)
  })
})

describe('referrersTag', () => {
  it.each([
    [d('a'), `sha256-${'a'.repeat(64)}`],
    [`sha512:${'b'.repeat(128)}`, `sha512-${'b'.repeat(64)}`],
    [
      'test+algorithm+using+algorithm+separators+and+lots+of+characters+to+excercise+overall+truncation:alsoSome=InTheEncodedSectionToShowHyphenReplacementAndLotsAndLotsOfCharactersToExcerciseEncodedTruncation',
      'test-algorithm-using-algorithm-s-alsoSome-InTheEncodedSectionToShowHyphenReplacementAndLotsAndLot'
    ]
  ])('maps %s as the distribution spec does', (digest, tag) => {
    expect(referrersTag(digest)).toBe(tag)
  })
})

describe('withReferrer', () => {
  it('starts an image index when the tag has none', () => {
    expect(json(withReferrer(undefined, REFERRER))).toEqual({
      schemaVersion: 2,
      mediaType: INDEX,
      manifests: [REFERRER]
    })
  })

  it('appends to an existing index, keeping its other entries and fields as they were', () => {
    const other = { mediaType: MANIFEST, digest: d('e'), size: 9, annotations: { x: 'y' } }
    const existing = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: INDEX,
        manifests: [other],
        annotations: { k: 'v' }
      })
    )
    expect(json(withReferrer(existing, REFERRER))).toEqual({
      schemaVersion: 2,
      mediaType: INDEX,
      manifests: [other, REFERRER],
      annotations: { k: 'v' }
    })
  })

  it('changes nothing when the index already lists the referrer', () => {
    const existing = withReferrer(undefined, REFERRER)
    expect(withReferrer(existing, REFERRER)).toBeUndefined()
  })

  it.each([
    ['an image manifest', JSON.stringify({ schemaVersion: 2, mediaType: MANIFEST, layers: [] })],
    ['an index without manifests', JSON.stringify({ schemaVersion: 2, mediaType: INDEX })],
    ['not JSON', 'garbage'],
    ['a JSON array', '[]']
  ])('refuses to overwrite a tag that holds %s', (_, body) => {
    expect(() => withReferrer(Buffer.from(body), REFERRER)).toThrow(
      'the referrers tag holds something other than an image index'
    )
  })
})

describe('parseReferrers', () => {
  it('keeps well-formed descriptors with their artifact type and drops the rest', () => {
    const index = {
      manifests: [
        REFERRER,
        { mediaType: MANIFEST, digest: d('f'), size: 3 },
        { mediaType: MANIFEST, digest: 'sha256:short', size: 3, artifactType: TYPE },
        { mediaType: MANIFEST, digest: `md5:${'a'.repeat(32)}`, size: 3, artifactType: TYPE },
        { mediaType: MANIFEST, digest: d('1'), size: -1, artifactType: TYPE },
        { mediaType: 7, digest: d('2'), size: 3 },
        'text',
        null
      ]
    }
    expect(parseReferrers(Buffer.from(JSON.stringify(index)))).toEqual([
      REFERRER,
      { mediaType: MANIFEST, digest: d('f'), size: 3, artifactType: undefined }
    ])
  })

  it.each(['garbage', '{"manifests": 3}', 'null', '[]'])('finds none in %s', (body) => {
    expect(parseReferrers(Buffer.from(body))).toEqual([])
  })
})

describe('parseArtifactManifest', () => {
  it('reads back the type, the subject and the layers of a manifest it built', () => {
    expect(parseArtifactManifest(artifactManifest(TYPE, SUBJECT, LAYER))).toEqual({
      artifactType: TYPE,
      subject: SUBJECT.digest,
      layers: [LAYER]
    })
  })

  it.each([
    ['no subject', { mediaType: MANIFEST, artifactType: TYPE, layers: [LAYER] }],
    ['no artifact type', { mediaType: MANIFEST, subject: SUBJECT, layers: [LAYER] }],
    ['an index media type', { mediaType: INDEX, artifactType: TYPE, subject: SUBJECT, layers: [] }],
    [
      'a malformed layer',
      { mediaType: MANIFEST, artifactType: TYPE, subject: SUBJECT, layers: [{}] }
    ],
    ['layers that are not a list', { mediaType: MANIFEST, artifactType: TYPE, subject: SUBJECT }]
  ])('is not an artifact with %s', (_, manifest) => {
    expect(parseArtifactManifest(Buffer.from(JSON.stringify(manifest)))).toBeUndefined()
  })
})
