// Attaches an artifact to an image and lists what is attached: the referrers API, else the tag schema.
import { expectStatus, uploadBlob, type BlobDescriptor } from './blob-upload.js'
import { ERROR_BODY_LIMIT, formatLimit, MANIFEST_BODY_LIMIT } from './body.js'
import { bytesMatchDigest, sha256Digest } from './digest.js'
import { registryText } from './errors.js'
import type { HttpResponse } from './http.js'
import { OCI_INDEX, OCI_MANIFEST } from './media-types.js'
import {
  artifactManifest,
  EMPTY_CONFIG,
  EMPTY_CONFIG_BYTES,
  parseReferrers,
  type Annotations,
  referrersTag,
  withReferrer,
  type Descriptor,
  type ReferrerDescriptor
} from './oci-artifact.js'
import type { RegistryTransport } from './transport.js'

export interface Artifact {
  readonly artifactType: string
  /** The one layer: its media type and bytes. */
  readonly mediaType: string
  readonly bytes: Buffer
  /** Copied into the referrers listing: what a reader may learn without fetching the artifact. */
  readonly annotations?: Annotations
  /**
   * Bytes made for this push alone (a test record carries its time): no registry holds them yet,
   * so they are uploaded without asking first.
   */
  readonly fresh?: boolean
  /** Its blobs' upload, started by withBlobsUploading before the subject was there to name. */
  readonly uploaded?: Promise<BlobDescriptor>
}

export interface PushedReferrer {
  readonly digest: string
  /** How the registry learnt of it: its referrers API, or our update of the referrers tag. */
  readonly listedBy: 'referrers-api' | 'referrers-tag'
}

/** A read started early whose failure matters only if its answer is used. */
type Outcome<T> = { readonly value: T } | { readonly error: unknown }

function outcomeOf<T>(promise: Promise<T>): Promise<Outcome<T>> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error })
  )
}

/**
 * Pushes `artifact` as a referrer of `subject`. A registry that processed the subject says so with
 * `OCI-Subject`; any other gets the referrers tag updated (read, add, put back). The tag is read
 * while the blobs upload, so such a registry does not wait for it after the manifest's put; on one
 * with the API that read is one request off the critical path, and its failure is ignored.
 */
export async function pushReferrer(
  transport: RegistryTransport,
  repository: string,
  subject: Descriptor,
  artifact: Artifact
): Promise<PushedReferrer> {
  const tag = referrersTag(subject.digest)
  const listing = outcomeOf(getManifest(transport, repository, tag, OCI_INDEX, MANIFEST_BODY_LIMIT))
  const layer = await (artifact.uploaded ?? uploadBlobs(transport, repository, artifact))
  const bytes = artifactManifest(artifact.artifactType, subject, layer, artifact.annotations)
  const digest = sha256Digest(bytes)
  const response = await putManifest(transport, repository, digest, OCI_MANIFEST, bytes)
  if (response.headers.get('oci-subject') === subject.digest) {
    return { digest, listedBy: 'referrers-api' }
  }
  const referrer = {
    mediaType: OCI_MANIFEST,
    digest,
    size: bytes.length,
    artifactType: artifact.artifactType,
    ...(artifact.annotations === undefined ? {} : { annotations: artifact.annotations })
  }
  const existing = await listing
  if ('error' in existing) throw existing.error
  await addToReferrersTag(transport, repository, tag, existing.value, referrer)
  return { digest, listedBy: 'referrers-tag' }
}

/**
 * `artifact` with its blobs uploading now: they do not name the subject, so they can go while it is
 * still being pushed. A failure is seen by pushReferrer, which awaits them.
 */
export function withBlobsUploading(
  transport: RegistryTransport,
  repository: string,
  artifact: Artifact
): Artifact {
  const uploaded = uploadBlobs(transport, repository, artifact)
  uploaded.catch(() => undefined)
  return { ...artifact, uploaded }
}

/** The empty config and the layer, together; the layer's descriptor. */
async function uploadBlobs(
  transport: RegistryTransport,
  repository: string,
  artifact: Artifact
): Promise<BlobDescriptor> {
  const [, layer] = await both(
    uploadBlob(transport, repository, EMPTY_CONFIG.mediaType, EMPTY_CONFIG_BYTES),
    uploadBlob(transport, repository, artifact.mediaType, artifact.bytes, {
      ask: artifact.fresh !== true
    })
  )
  return layer
}

/** Both values once both requests have ended (none is left running), or the first failure. */
async function both<A, B>(first: Promise<A>, second: Promise<B>): Promise<[A, B]> {
  const [a, b] = await Promise.allSettled([first, second])
  if (a.status === 'rejected') throw a.reason
  if (b.status === 'rejected') throw b.reason
  return [a.value, b.value]
}

async function addToReferrersTag(
  transport: RegistryTransport,
  repository: string,
  tag: string,
  existing: Buffer | undefined,
  referrer: ReferrerDescriptor
): Promise<void> {
  let updated: Buffer | undefined
  try {
    updated = withReferrer(existing, referrer)
  } catch (error) {
    throw transport.error(`${repository}:${tag}: ${(error as Error).message}`, repository)
  }
  if (updated !== undefined) await putManifest(transport, repository, tag, OCI_INDEX, updated)
}

/**
 * The referrers of `subject` that say they hold `artifactType`: from the referrers tag, which is
 * where we list them on a registry without the referrers API (the CNCF registry, GHCR), else from
 * the API. Asking the tag first costs such a registry one request instead of two. No index, or no
 * valid one: none.
 */
export async function listReferrers(
  transport: RegistryTransport,
  repository: string,
  subject: string,
  artifactType: string
): Promise<ReferrerDescriptor[]> {
  const tag = referrersTag(subject)
  let index = await getManifest(transport, repository, tag, OCI_INDEX, MANIFEST_BODY_LIMIT)
  if (index === undefined) {
    const response = await transport.request({
      method: 'GET',
      repository,
      path: `referrers/${subject}?artifactType=${encodeURIComponent(artifactType)}`,
      headers: { accept: OCI_INDEX },
      bodyLimit: MANIFEST_BODY_LIMIT,
      what: `the referrers of ${repository}@${subject} (at most ${formatLimit(MANIFEST_BODY_LIMIT)})`
    })
    if (response.status === 404) return []
    expectStatus(transport, response, [200], repository, `list the referrers of ${subject}`)
    index = response.body
  }
  // Registries may ignore the filter: it is applied here again.
  return parseReferrers(index).filter((referrer) => referrer.artifactType === artifactType)
}

/**
 * GET a manifest by tag or digest, capped, verified against the digest asked for or announced;
 * undefined when the registry has none.
 */
export async function getManifest(
  transport: RegistryTransport,
  repository: string,
  reference: string,
  accept: string,
  limit: number
): Promise<Buffer | undefined> {
  const response = await transport.request({
    method: 'GET',
    repository,
    path: `manifests/${reference}`,
    headers: { accept },
    bodyLimit: limit,
    what: `the manifest of ${repository}:${reference} (at most ${formatLimit(limit)})`
  })
  if (response.status === 404) return undefined
  expectStatus(transport, response, [200], repository, `fetch ${repository}:${reference}`)
  const expected = reference.includes(':')
    ? reference
    : response.headers.get('docker-content-digest')
  verify(transport, repository, response.body, expected, `the manifest of ${reference}`)
  return response.body
}

/** GET a blob by digest, capped and verified; undefined when the registry has none. */
export async function getBlob(
  transport: RegistryTransport,
  repository: string,
  digest: string,
  limit: number
): Promise<Buffer | undefined> {
  const response = await transport.request({
    method: 'GET',
    repository,
    path: `blobs/${digest}`,
    bodyLimit: limit,
    what: `the blob ${repository}@${digest} (at most ${formatLimit(limit)})`
  })
  if (response.status === 404) return undefined
  expectStatus(transport, response, [200], repository, `fetch the blob ${digest}`)
  verify(transport, repository, response.body, digest, `the blob ${digest}`)
  return response.body
}

async function putManifest(
  transport: RegistryTransport,
  repository: string,
  reference: string,
  mediaType: string,
  bytes: Buffer
): Promise<HttpResponse> {
  const response = await transport.request({
    method: 'PUT',
    repository,
    path: `manifests/${reference}`,
    headers: { 'content-type': mediaType },
    body: bytes,
    bodyLimit: ERROR_BODY_LIMIT,
    what: `the answer to the put of ${repository}:${reference}`
  })
  expectStatus(transport, response, [200, 201], repository, `put ${repository}:${reference}`)
  const stored = response.headers.get('docker-content-digest')
  verify(transport, repository, bytes, stored, `the digest answered for ${repository}:${reference}`)
  return response
}

function verify(
  transport: RegistryTransport,
  repository: string,
  bytes: Buffer,
  digest: string | null,
  what: string
): void {
  if (digest === null) return
  let matches: boolean
  try {
    matches = bytesMatchDigest(bytes, digest, what)
  } catch (error) {
    throw transport.error(`registry ${transport.registry}: ${(error as Error).message}`, repository)
  }
  if (!matches) {
    throw transport.error(`${what} does not match its digest ${registryText(digest)}`, repository)
  }
}
