// Uploads one small blob in a single request (POST, then PUT with the digest); skipped when present.
import { ERROR_BODY_LIMIT } from './body.js'
import { sha256Digest } from './digest.js'
import { parseErrorBody, registryText } from './errors.js'
import type { HttpResponse } from './http.js'
import type { RegistryTransport } from './transport.js'

/** What a manifest says of a blob it references. */
export interface BlobDescriptor {
  readonly mediaType: string
  readonly digest: string
  readonly size: number
}

/**
 * A monolithic upload is one request body in memory: meant for records and configs, never for
 * layers, so a caller cannot hand us something large by mistake.
 */
export const MAX_MONOLITHIC_BLOB = 1024 * 1024

export interface UploadOptions {
  /** Ask first whether the registry holds the blob (a HEAD); false for bytes made for this push. */
  readonly ask?: boolean
}

export async function uploadBlob(
  transport: RegistryTransport,
  repository: string,
  mediaType: string,
  bytes: Buffer,
  { ask = true }: UploadOptions = {}
): Promise<BlobDescriptor> {
  if (bytes.length > MAX_MONOLITHIC_BLOB) {
    throw transport.error(
      `a blob of ${bytes.length} bytes is too large for a single-request upload`,
      repository
    )
  }
  const descriptor = { mediaType, digest: sha256Digest(bytes), size: bytes.length }
  if (ask && (await blobExists(transport, repository, descriptor.digest))) return descriptor
  const location = await startUpload(transport, repository)
  await finishUpload(transport, repository, location, descriptor.digest, bytes)
  return descriptor
}

/** POST to start an upload; the Location its next request goes to. */
export async function startUpload(
  transport: RegistryTransport,
  repository: string
): Promise<string> {
  const started = await transport.request({
    method: 'POST',
    repository,
    path: 'blobs/uploads/',
    headers: { 'content-length': '0' },
    bodyLimit: ERROR_BODY_LIMIT,
    what: `the answer to an upload to ${repository}`
  })
  return nextLocation(transport, repository, started, 'start an upload')
}

/** A 202 with a Location: where an upload's next request goes. */
export function nextLocation(
  transport: RegistryTransport,
  repository: string,
  response: HttpResponse,
  what: string
): string {
  expectStatus(transport, response, [202], repository, what)
  const location = response.headers.get('location')
  if (location === null) {
    throw transport.error(
      `registry ${transport.registry} could not ${what}: no Location`,
      repository
    )
  }
  return location
}

/** The Location as a request path under the repository (uploadPath), its refusal as a registry error. */
export function locationPath(
  transport: RegistryTransport,
  repository: string,
  location: string,
  digest: string | undefined
): string {
  try {
    return uploadPath(transport.baseUrl, repository, location, digest)
  } catch (error) {
    throw transport.error(`registry ${transport.registry}: ${(error as Error).message}`, repository)
  }
}

/**
 * The PUT that commits an upload as `digest`, with the last bytes when given; the registry must
 * say it stored that digest, when it says one.
 */
export async function finishUpload(
  transport: RegistryTransport,
  repository: string,
  location: string,
  digest: string,
  lastBytes?: Buffer
): Promise<void> {
  const finished = await transport.request({
    method: 'PUT',
    repository,
    path: locationPath(transport, repository, location, digest),
    headers:
      lastBytes === undefined
        ? { 'content-length': '0' }
        : { 'content-type': 'application/octet-stream' },
    ...(lastBytes === undefined ? {} : { body: lastBytes }),
    bodyLimit: ERROR_BODY_LIMIT,
    what: `the answer to the upload of ${digest}`
  })
  expectStatus(transport, finished, [201], repository, `finish the upload of ${digest}`)
  const stored = finished.headers.get('docker-content-digest')
  if (stored !== null && stored !== digest) {
    throw transport.error(
      `registry ${transport.registry} stored the blob as ${registryText(stored)}, but the blob sent was ${digest}`,
      repository
    )
  }
}

export async function blobExists(
  transport: RegistryTransport,
  repository: string,
  digest: string
): Promise<boolean> {
  const response = await transport.request({
    method: 'HEAD',
    repository,
    path: `blobs/${digest}`,
    bodyLimit: ERROR_BODY_LIMIT,
    what: `the blob ${repository}@${digest}`
  })
  if (response.status === 404) return false
  expectStatus(transport, response, [200], repository, `look for the blob ${digest}`)
  return true
}

/**
 * The upload's Location, relative or absolute, as a path under `/v2/<repository>/`, with the digest
 * added to its query when given (the request that finishes the upload). A Location on another origin or outside the repository's uploads is refused:
 * the transport would send our credentials there.
 */
export function uploadPath(
  baseUrl: string,
  repository: string,
  location: string,
  digest?: string
): string {
  const uploads = `/v2/${repository}/blobs/uploads/`
  const base = new URL(uploads, baseUrl)
  let target: URL
  try {
    target = new URL(location, base)
  } catch {
    throw new Error(`the upload Location '${registryText(location)}' is not a URL`)
  }
  if (target.origin !== base.origin || !target.pathname.startsWith(uploads)) {
    throw new Error(
      `the upload Location '${registryText(location)}' is outside ${base.origin}${uploads}: refused`
    )
  }
  if (digest !== undefined) target.searchParams.set('digest', digest)
  return `${target.pathname.slice(`/v2/${repository}/`.length)}${target.search}`
}

/** Throws the registry's own error, code and message, unless the status is one of `expected`. */
export function expectStatus(
  transport: RegistryTransport,
  response: HttpResponse,
  expected: number[],
  repository: string,
  what: string
): void {
  if (expected.includes(response.status)) return
  const { code, message } = parseErrorBody(response.body.toString('utf8'))
  throw transport.error(
    `registry ${transport.registry} could not ${what}: ${response.status}${code === undefined ? '' : ` ${code}`}${message === undefined ? '' : ` (${message})`}`,
    repository,
    { status: response.status, code }
  )
}
