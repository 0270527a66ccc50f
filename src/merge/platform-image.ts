// What the registry holds under one digest given to merge: missing, several platforms, or one platform's image.
import { CONFIG_BODY_LIMIT } from '../registry/body.js'
import type { Manifest, RegistryClient } from '../registry/client.js'
import { registryText } from '../registry/errors.js'
import { revisionsIn } from '../registry/image-revision.js'
import { isIndexMediaType } from '../registry/media-types.js'
import { parsePlatform, type Platform } from '../registry/platform.js'
import { isDigest, type Digest } from '../registry/reference.js'

/** A descriptor as it goes into the merged index, platform included where it has one. */
export interface IndexEntry {
  readonly mediaType: string
  readonly digest: string
  readonly size: number
  readonly platform?: Platform | undefined
  readonly annotations?: Readonly<Record<string, string>> | undefined
}

export type InspectedDigest =
  | { readonly kind: 'missing'; readonly digest: Digest }
  /** An index listing this many platform images (more than one, or none). */
  | { readonly kind: 'platforms'; readonly digest: Digest; readonly count: number }
  | {
      readonly kind: 'image'
      readonly digest: Digest
      readonly platform: Platform | undefined
      /** The revision the platform image carries; undefined when it has none. */
      readonly revision: string | undefined
      /** The platform image and its attestations, as the merged index lists them. */
      readonly entries: readonly IndexEntry[]
    }

interface RawDescriptor {
  readonly mediaType?: unknown
  readonly digest?: unknown
  readonly size?: unknown
  readonly platform?: { os?: unknown; architecture?: unknown; variant?: unknown }
  readonly annotations?: Record<string, unknown>
}

const ATTESTATION_TYPE = 'vnd.docker.reference.type'
const ATTESTATION_SUBJECT = 'vnd.docker.reference.digest'

export async function inspectDigest(
  client: RegistryClient,
  repository: string,
  digest: Digest
): Promise<InspectedDigest> {
  const manifest = await client.fetch(repository, digest)
  if (manifest === undefined) return { kind: 'missing', digest }
  const body = parseJson(manifest.bytes) as { manifests?: unknown; config?: RawDescriptor }
  if (!isIndexMediaType(manifest.mediaType)) {
    const [revision] = await revisionsIn(client, repository, manifest)
    const platform = await configPlatform(client, repository, body.config)
    return {
      kind: 'image',
      digest,
      platform,
      revision,
      entries: [{ ...descriptorOf(manifest), platform }]
    }
  }
  const listed = (Array.isArray(body.manifests) ? body.manifests : []).filter(
    (child): child is RawDescriptor => typeof child === 'object' && child !== null
  )
  const images = listed.filter((child) => !isAttestation(child))
  const [image] = images
  if (image === undefined || images.length > 1) {
    return { kind: 'platforms', digest, count: images.length }
  }
  const [revision] = await revisionsIn(client, repository, manifest)
  const attestations = listed.filter(
    (child) => isAttestation(child) && child.annotations?.[ATTESTATION_SUBJECT] === image.digest
  )
  return {
    kind: 'image',
    digest,
    platform: platformOf(image.platform),
    revision,
    entries: [
      entryOf(image),
      ...attestations.filter((child) => isDigest(text(child.digest))).map(entryOf)
    ]
  }
}

/** Buildx lists each image's provenance or SBOM beside it, for the platform unknown/unknown. */
function isAttestation(child: RawDescriptor): boolean {
  return (
    child.annotations?.[ATTESTATION_TYPE] === 'attestation-manifest' ||
    child.platform?.os === 'unknown'
  )
}

function descriptorOf(manifest: Manifest): IndexEntry {
  return { mediaType: manifest.mediaType, digest: manifest.digest, size: manifest.size }
}

/** The child as its index lists it: only the fields an OCI descriptor defines, as strings. */
function entryOf(child: RawDescriptor): IndexEntry {
  const annotations = Object.fromEntries(
    Object.entries(child.annotations ?? {}).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string'
    )
  )
  return {
    mediaType: text(child.mediaType),
    digest: text(child.digest),
    size: typeof child.size === 'number' ? child.size : 0,
    platform: platformOf(child.platform),
    ...(Object.keys(annotations).length === 0 ? {} : { annotations })
  }
}

async function configPlatform(
  client: RegistryClient,
  repository: string,
  config: RawDescriptor | undefined
): Promise<Platform | undefined> {
  const digest = text(config?.digest)
  if (!digest.includes(':')) return undefined
  const bytes = await client.fetchBlob(repository, digest, CONFIG_BODY_LIMIT)
  if (bytes === undefined) return undefined
  return platformOf(parseJson(bytes) as RawDescriptor['platform'])
}

/** A platform only when it reads as one: a registry's odd text never becomes a platform. */
function platformOf(raw: RawDescriptor['platform']): Platform | undefined {
  const os = text(raw?.os)
  const architecture = text(raw?.architecture)
  const variant = text(raw?.variant)
  try {
    return parsePlatform(`${os}/${architecture}${variant === '' ? '' : `/${variant}`}`)
  } catch {
    return undefined
  }
}

function parseJson(bytes: Buffer): unknown {
  try {
    const parsed: unknown = JSON.parse(bytes.toString('utf8'))
    return typeof parsed === 'object' && parsed !== null ? parsed : {}
  } catch {
    return {}
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? registryText(value) : ''
}
