// OCI 1.1 artifacts as data: a manifest that refers to a subject, the referrers index, reading both.
import { DigestError, parseVerifiableDigest } from './digest.js'
import { OCI_INDEX, OCI_MANIFEST } from './media-types.js'

export const OCI_EMPTY = 'application/vnd.oci.empty.v1+json'

/** The image spec's empty descriptor: `{}` as the config of an artifact that needs none. */
export const EMPTY_CONFIG = {
  mediaType: OCI_EMPTY,
  digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
  size: 2,
  data: 'e30='
} as const

export const EMPTY_CONFIG_BYTES = Buffer.from('{}')

export interface Descriptor {
  readonly mediaType: string
  readonly digest: string
  readonly size: number
}

export type Annotations = Readonly<Record<string, string>>

/** An entry of a referrers list: the referrer's manifest, the kind of artifact it holds, its annotations. */
export interface ReferrerDescriptor extends Descriptor {
  readonly artifactType: string | undefined
  readonly annotations?: Annotations
}

/** What a referrer's manifest says, once checked: its type, its subject and its layers. */
export interface ArtifactManifest {
  readonly artifactType: string
  readonly subject: string
  readonly layers: readonly Descriptor[]
}

/**
 * An image manifest with the empty config and one layer, attached to `subject`. Its annotations
 * are copied into referrers listings, so a reader can learn what it holds from the listing alone.
 */
export function artifactManifest(
  artifactType: string,
  subject: Descriptor,
  layer: Descriptor,
  annotations?: Annotations
): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType,
      config: EMPTY_CONFIG,
      layers: [descriptorOf(layer)],
      subject: descriptorOf(subject),
      ...(annotations === undefined ? {} : { annotations })
    })
  )
}

/**
 * The referrers tag schema's tag for a digest: the algorithm cut to 32 characters, `-`, the encoded
 * part cut to 64, anything a tag may not hold replaced by `-`.
 */
export function referrersTag(digest: string): string {
  const colon = digest.indexOf(':')
  const algorithm = digest.slice(0, colon).slice(0, 32)
  const encoded = digest.slice(colon + 1).slice(0, 64)
  return `${algorithm}-${encoded}`.replace(/[^a-zA-Z0-9_.-]/g, '-')
}

/**
 * The referrers index with `referrer` added (read-modify-write of the tag schema), keeping every
 * other entry and field as it was; undefined when the index already lists it. Throws when the
 * tag holds something other than an image index: that is not ours to overwrite.
 */
export function withReferrer(
  existing: Buffer | undefined,
  referrer: ReferrerDescriptor
): Buffer | undefined {
  const entry = {
    ...descriptorOf(referrer),
    artifactType: referrer.artifactType,
    ...(referrer.annotations === undefined ? {} : { annotations: referrer.annotations })
  }
  if (existing === undefined) {
    return Buffer.from(
      JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [entry] })
    )
  }
  const index = parseJsonObject(existing)
  if (index === undefined || index.mediaType !== OCI_INDEX || !Array.isArray(index.manifests)) {
    throw new Error('the referrers tag holds something other than an image index')
  }
  const manifests: unknown[] = index.manifests
  if (manifests.some((listed) => isObject(listed) && listed.digest === referrer.digest)) {
    return undefined
  }
  return Buffer.from(JSON.stringify({ ...index, manifests: [...manifests, entry] }))
}

/** The entries of a referrers index that are well-formed descriptors; nothing for anything else. */
export function parseReferrers(bytes: Buffer): ReferrerDescriptor[] {
  const index = parseJsonObject(bytes)
  if (index === undefined || !Array.isArray(index.manifests)) return []
  const referrers: ReferrerDescriptor[] = []
  for (const entry of index.manifests as unknown[]) {
    const descriptor = parseDescriptor(entry)
    if (descriptor === undefined || !isObject(entry)) continue
    const { artifactType } = entry
    const annotations = parseAnnotations(entry.annotations)
    referrers.push({
      ...descriptor,
      artifactType: typeof artifactType === 'string' ? artifactType : undefined,
      ...(annotations === undefined ? {} : { annotations })
    })
  }
  return referrers
}

/** A referrer's image manifest, or undefined when it is not one (wrong shape, no subject). */
export function parseArtifactManifest(bytes: Buffer): ArtifactManifest | undefined {
  const manifest = parseJsonObject(bytes)
  if (manifest === undefined || manifest.mediaType !== OCI_MANIFEST) return undefined
  const subject = parseDescriptor(manifest.subject)
  if (subject === undefined || typeof manifest.artifactType !== 'string') return undefined
  if (!Array.isArray(manifest.layers)) return undefined
  const layers = (manifest.layers as unknown[]).map(parseDescriptor)
  if (layers.some((layer) => layer === undefined)) return undefined
  return {
    artifactType: manifest.artifactType,
    subject: subject.digest,
    layers: layers as Descriptor[]
  }
}

function parseDescriptor(value: unknown): Descriptor | undefined {
  if (!isObject(value)) return undefined
  const { mediaType, digest, size } = value
  if (typeof mediaType !== 'string' || typeof digest !== 'string') return undefined
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return undefined
  try {
    parseVerifiableDigest(digest, 'a descriptor digest')
  } catch (error) {
    if (error instanceof DigestError) return undefined
    throw error
  }
  return { mediaType, digest, size }
}

/** The annotations whose values are text; undefined when there are none. */
function parseAnnotations(value: unknown): Annotations | undefined {
  if (!isObject(value)) return undefined
  const texts = Object.entries(value).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string'
  )
  return texts.length === 0 ? undefined : Object.fromEntries(texts)
}

function descriptorOf(descriptor: Descriptor): Descriptor {
  return { mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size }
}

function parseJsonObject(bytes: Buffer): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(bytes.toString('utf8'))
    return isObject(parsed) ? parsed : undefined
  } catch {
    return undefined
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
