// Manifest and blob operations on a registry: resolve, fetch, put, read a blob; auth stays below.
import { CONFIG_BODY_LIMIT, ERROR_BODY_LIMIT, formatLimit, MANIFEST_BODY_LIMIT } from './body.js'
import { bytesMatchDigest, DigestError, parseVerifiableDigest, sha256Digest } from './digest.js'
import { isImmutableTagRefusal, parseErrorBody, registryText } from './errors.js'
import type { HttpResponse } from './http.js'
import { ACCEPT_MANIFESTS, MANIFEST_MEDIA_TYPES } from './media-types.js'
import { isDigest, isTag, type Digest, type Repository } from './reference.js'
import { ImageRepository } from './repository.js'
import { RegistryTransport, type TransportOptions } from './transport.js'

export { sha256Digest } from './digest.js'

export interface ManifestDescriptor {
  readonly digest: Digest
  readonly mediaType: string
  readonly size: number
}

export interface Manifest extends ManifestDescriptor {
  /** The exact bytes the registry served: re-putting them keeps the digest. */
  readonly bytes: Buffer
}

export type RegistryClientOptions = TransportOptions

export class RegistryClient {
  /** Shared with the operations kept in modules of their own (referrers, blob uploads). */
  readonly transport: RegistryTransport

  constructor(
    readonly registry: string,
    options: RegistryClientOptions
  ) {
    this.transport = new RegistryTransport(registry, options)
  }

  /** Requests sent, tokens included, for logs and benchmarks. */
  get requestCount(): number {
    return this.transport.requestCount
  }

  /** This client bound to one repository of its registry, speaking in typed tags and digests. */
  repository(image: Repository): ImageRepository {
    if (image.registry !== this.registry) {
      throw new Error(`a client of ${this.registry} cannot reach ${image.registry}/${image.path}`)
    }
    return new ImageRepository(this, image)
  }

  /** HEAD a tag or digest: what it points at, or undefined when the registry has no such manifest. */
  async resolve(repository: string, reference: string): Promise<ManifestDescriptor | undefined> {
    const response = await this.transport.request({
      method: 'HEAD',
      repository,
      path: this.manifestPath(repository, reference),
      headers: { accept: ACCEPT_MANIFESTS },
      bodyLimit: MANIFEST_BODY_LIMIT,
      what: `the manifest of ${repository}:${reference}`
    })
    if (response.status === 404) return undefined
    this.expectOk(response, repository, `resolve ${repository}:${reference}`)
    const digest = response.headers.get('docker-content-digest')
    if (digest === null || !isDigest(digest)) {
      // Some registries omit the digest on HEAD; the body tells the truth.
      const manifest = await this.fetch(repository, reference)
      return (
        manifest && { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.size }
      )
    }
    return {
      digest,
      mediaType: registryText(contentType(response)),
      size: Number(response.headers.get('content-length') ?? 0)
    }
  }

  /** GET a manifest and verify its bytes against the digest asked for or announced. */
  async fetch(repository: string, reference: string): Promise<Manifest | undefined> {
    const name = `${repository}${reference.includes(':') ? '@' : ':'}${reference}`
    const response = await this.transport.request({
      method: 'GET',
      repository,
      path: this.manifestPath(repository, reference),
      headers: { accept: ACCEPT_MANIFESTS },
      bodyLimit: MANIFEST_BODY_LIMIT,
      what: `the manifest of ${name}`
    })
    if (response.status === 404) return undefined
    this.expectOk(response, repository, `fetch ${name}`)
    const announced = response.headers.get('docker-content-digest')
    const expected = reference.includes(':') ? reference : announced
    if (expected !== null) {
      this.verify(response.body, expected, repository, `the manifest of ${name}`)
    }
    const mediaType = this.mediaTypeOf(response, repository)
    const digest = sha256Digest(response.body)
    return { digest, mediaType, size: response.body.length, bytes: response.body }
  }

  /**
   * PUT the exact bytes of a manifest under a tag; returns the digest the registry stored, which
   * must be the digest of what was sent.
   */
  async put(repository: string, tag: string, manifest: Manifest): Promise<Digest> {
    const response = await this.transport.request({
      method: 'PUT',
      repository,
      path: this.manifestPath(repository, tag),
      headers: { 'content-type': manifest.mediaType },
      body: manifest.bytes,
      bodyLimit: ERROR_BODY_LIMIT,
      what: `the answer to the put of ${repository}:${tag}`
    })
    if (response.status !== 201 && response.status !== 200) {
      const { code, message } = parseErrorBody(response.body.toString('utf8'))
      if (isImmutableTagRefusal(response.status, code)) {
        throw this.transport.error(
          `${this.registry} keeps the tag ${repository}:${tag} immutable and refused to move it (${response.status}${code === undefined ? '' : ` ${code}`})`,
          repository,
          { status: response.status, code }
        )
      }
      this.expectOk(response, repository, `put ${repository}:${tag}`, message)
    }
    const stored = response.headers.get('docker-content-digest')
    if (stored === null) return manifest.digest
    const what = `the digest ${this.registry} answered for ${repository}:${tag}`
    if (
      stored !== manifest.digest &&
      !this.verify(manifest.bytes, stored, repository, what, false)
    ) {
      throw this.transport.error(
        `registry ${this.registry} stored ${repository}:${tag} as ${registryText(stored)}, but the manifest sent was ${manifest.digest}`,
        repository
      )
    }
    return manifest.digest
  }

  /** GET a blob (an image config) by digest, capped, and verify its bytes against the digest. */
  async fetchBlob(
    repository: string,
    digest: string,
    limit = CONFIG_BODY_LIMIT
  ): Promise<Buffer | undefined> {
    const what = `the blob ${repository}@${digest}`
    this.checkDigest(digest, repository, what)
    const response = await this.transport.request({
      method: 'GET',
      repository,
      path: `blobs/${digest}`,
      bodyLimit: limit,
      what: `${what} (at most ${formatLimit(limit)})`
    })
    if (response.status === 404) return undefined
    this.expectOk(response, repository, `fetch ${what}`)
    this.verify(response.body, digest, repository, what)
    return response.body
  }

  /** A tag, or a digest we can verify: nothing else goes into a URL. */
  private manifestPath(repository: string, reference: string): string {
    if (reference.includes(':')) {
      this.checkDigest(reference, repository, `the reference '${registryText(reference)}'`)
    } else if (!isTag(reference)) {
      throw this.transport.error(
        `'${registryText(reference)}' is neither a tag nor a digest`,
        repository
      )
    }
    return `manifests/${reference}`
  }

  private checkDigest(digest: string, repository: string, what: string): void {
    try {
      parseVerifiableDigest(digest, what)
    } catch (error) {
      if (error instanceof DigestError) {
        throw this.transport.error(`registry ${this.registry}: ${error.message}`, repository)
      }
      throw error
    }
  }

  /**
   * Whether the bytes match `digest` under the algorithm it names; a mismatch throws unless
   * `mismatchThrows` is false. A malformed digest or an unknown algorithm always throws.
   */
  private verify(
    bytes: Uint8Array,
    digest: string,
    repository: string,
    what: string,
    mismatchThrows = true
  ): boolean {
    this.checkDigest(digest, repository, what)
    const matches = bytesMatchDigest(bytes, digest, what)
    if (!matches && mismatchThrows) {
      throw this.transport.error(`${what} does not match its digest ${digest}`, repository)
    }
    return matches
  }

  private mediaTypeOf(response: HttpResponse, repository: string): string {
    const served = contentType(response)
    let declared: unknown
    try {
      declared = (JSON.parse(response.body.toString('utf8')) as { mediaType?: unknown }).mediaType
    } catch {
      throw this.transport.error(`the manifest from ${repository} is not JSON`, repository)
    }
    if (declared !== undefined && typeof declared !== 'string') {
      throw this.transport.error(
        `the manifest from ${repository} has a mediaType that is not text`,
        repository
      )
    }
    if (declared !== undefined && MANIFEST_MEDIA_TYPES.includes(served) && declared !== served) {
      throw this.transport.error(
        `the manifest from ${repository} says ${registryText(declared)} but was served as ${served}`,
        repository
      )
    }
    const mediaType = declared ?? served
    if (!MANIFEST_MEDIA_TYPES.includes(mediaType)) {
      throw this.transport.error(
        `the manifest from ${repository} has an unsupported media type '${registryText(mediaType)}'`,
        repository
      )
    }
    return mediaType
  }

  private expectOk(
    response: HttpResponse,
    repository: string,
    what: string,
    message?: string
  ): void {
    if (response.status >= 200 && response.status < 300) return
    const parsed = parseErrorBody(response.body.toString('utf8'))
    const detail = message ?? parsed.message
    throw this.transport.error(
      `registry ${this.registry} could not ${what}: ${response.status}${parsed.code === undefined ? '' : ` ${parsed.code}`}${detail === undefined ? '' : ` (${detail})`}`,
      repository,
      { status: response.status, code: parsed.code }
    )
  }
}

function contentType(response: HttpResponse): string {
  return (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? ''
}
