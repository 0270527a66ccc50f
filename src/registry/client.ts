// A small OCI Distribution client: resolve, fetch and put manifests, authenticated once per host.
import { createHash } from 'node:crypto'
import { AuthenticationError, authorizationFor, parseChallenge, type Challenge } from './auth.js'
import type { Credentials } from './credentials.js'
import { isImmutableTagRefusal, parseErrorBody, RegistryError } from './errors.js'
import {
  DEFAULT_RETRY,
  send,
  TransportError,
  type HttpRequest,
  type HttpResponse,
  type RetryPolicy
} from './http.js'
import { ACCEPT_MANIFESTS, MANIFEST_MEDIA_TYPES } from './media-types.js'
import { isDigest, registryBaseUrl } from './reference.js'

export interface ManifestDescriptor {
  readonly digest: string
  readonly mediaType: string
  readonly size: number
}

export interface Manifest extends ManifestDescriptor {
  /** The exact bytes the registry served: re-putting them keeps the digest. */
  readonly bytes: Buffer
}

export interface RegistryClientOptions {
  readonly credentials?: Credentials | undefined
  /** `push` asks for a token that can write; `pull` for one that can only read. */
  readonly access: 'pull' | 'push'
  readonly retry?: RetryPolicy
}

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

export class RegistryClient {
  private readonly baseUrl: string
  private readonly retry: RetryPolicy
  private challenge: Challenge | undefined
  private readonly authorizations = new Map<string, Promise<string | undefined>>()
  private discovery: Promise<void> | undefined
  /** Requests sent, for logs and benchmarks. */
  requestCount = 0

  constructor(
    readonly registry: string,
    private readonly options: RegistryClientOptions
  ) {
    this.baseUrl = registryBaseUrl(registry)
    this.retry = options.retry ?? DEFAULT_RETRY
  }

  /** HEAD a tag or digest: what it points at, or undefined when the registry has no such manifest. */
  async resolve(repository: string, reference: string): Promise<ManifestDescriptor | undefined> {
    const response = await this.request(repository, {
      method: 'HEAD',
      url: this.manifestUrl(repository, reference),
      headers: { accept: ACCEPT_MANIFESTS }
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
      mediaType: (response.headers.get('content-type') ?? '').split(';')[0] ?? '',
      size: Number(response.headers.get('content-length') ?? 0)
    }
  }

  /** GET a manifest and verify its bytes against the digest asked for or announced. */
  async fetch(repository: string, reference: string): Promise<Manifest | undefined> {
    const response = await this.request(repository, {
      method: 'GET',
      url: this.manifestUrl(repository, reference),
      headers: { accept: ACCEPT_MANIFESTS }
    })
    if (response.status === 404) return undefined
    this.expectOk(response, repository, `fetch ${repository}:${reference}`)
    const digest = sha256Digest(response.body)
    const expected = isDigest(reference) ? reference : response.headers.get('docker-content-digest')
    if (expected !== null && expected.startsWith('sha256:') && expected !== digest) {
      throw this.error(
        `the manifest of ${repository}:${reference} does not match its digest ${expected}`,
        repository
      )
    }
    const mediaType = this.mediaTypeOf(response, repository)
    return { digest, mediaType, size: response.body.length, bytes: response.body }
  }

  /** PUT the exact bytes of a manifest under a tag; returns the digest the registry stored. */
  async put(repository: string, tag: string, manifest: Manifest): Promise<string> {
    const response = await this.request(repository, {
      method: 'PUT',
      url: this.manifestUrl(repository, tag),
      headers: { 'content-type': manifest.mediaType },
      body: manifest.bytes
    })
    if (response.status !== 201 && response.status !== 200) {
      const { code, message } = parseErrorBody(response.body.toString('utf8'))
      if (isImmutableTagRefusal(response.status, code)) {
        throw this.error(
          `${this.registry} keeps the tag ${repository}:${tag} immutable and refused to move it (${response.status}${code === undefined ? '' : ` ${code}`})`,
          repository,
          response.status,
          code
        )
      }
      this.expectOk(response, repository, `put ${repository}:${tag}`, message)
    }
    return response.headers.get('docker-content-digest') ?? manifest.digest
  }

  private mediaTypeOf(response: HttpResponse, repository: string): string {
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? ''
    let declared: string | undefined
    try {
      declared = (JSON.parse(response.body.toString('utf8')) as { mediaType?: string }).mediaType
    } catch {
      throw this.error(`the manifest from ${repository} is not JSON`, repository)
    }
    if (
      declared !== undefined &&
      MANIFEST_MEDIA_TYPES.includes(contentType) &&
      declared !== contentType
    ) {
      throw this.error(
        `the manifest from ${repository} says ${declared} but was served as ${contentType}`,
        repository
      )
    }
    const mediaType = declared ?? contentType
    if (!MANIFEST_MEDIA_TYPES.includes(mediaType)) {
      throw this.error(
        `the manifest from ${repository} has an unsupported media type '${mediaType}'`,
        repository
      )
    }
    return mediaType
  }

  private manifestUrl(repository: string, reference: string): string {
    return `${this.baseUrl}/v2/${repository}/manifests/${reference}`
  }

  /**
   * Sends with the cached authorization; on a 401 answers the challenge once and resends. The
   * first request to a host discovers its challenge while the others wait, so parallel requests
   * share one 401 and one token instead of each paying for their own.
   */
  private async request(repository: string, request: HttpRequest): Promise<HttpResponse> {
    if (this.discovery !== undefined) {
      await this.discovery
    } else if (this.challenge === undefined) {
      let discovered = (): void => undefined
      this.discovery = new Promise((resolve) => (discovered = resolve))
      try {
        return await this.authenticatedRequest(repository, request)
      } finally {
        discovered()
      }
    }
    return this.authenticatedRequest(repository, request)
  }

  private async authenticatedRequest(
    repository: string,
    request: HttpRequest
  ): Promise<HttpResponse> {
    const scopes = this.scopesFor(repository)
    const cached =
      this.challenge === undefined
        ? undefined
        : this.authorization(repository, this.challenge, scopes)
    let response = await this.sendCounted(request, await cached, repository)
    if (response.status !== 401) return response
    const header = response.headers.get('www-authenticate')
    const challenge = header === null ? undefined : parseChallenge(header)
    if (challenge === undefined) {
      throw this.error(
        `authentication failed for registry ${this.registry}`,
        repository,
        401,
        'UNAUTHORIZED'
      )
    }
    // A 401 despite a cached token means it expired: fetch a fresh one, once.
    if (cached !== undefined) this.authorizations.delete(scopes.join(' '))
    this.challenge = challenge
    response = await this.sendCounted(
      request,
      await this.authorization(repository, challenge, scopes),
      repository
    )
    if (response.status === 401) {
      throw this.error(
        `authentication failed for registry ${this.registry}${this.options.credentials === undefined ? ' (no credentials given)' : ` as '${this.options.credentials.username}'`}`,
        repository,
        401,
        parseErrorBody(response.body.toString('utf8')).code
      )
    }
    return response
  }

  private scopesFor(repository: string): string[] {
    return [`repository:${repository}:${this.options.access === 'push' ? 'pull,push' : 'pull'}`]
  }

  /** One authorization per scope, shared by every request that needs it, fetched once. */
  private authorization(
    repository: string,
    challenge: Challenge,
    scopes: string[]
  ): Promise<string | undefined> {
    const key = scopes.join(' ')
    const known = this.authorizations.get(key)
    if (known !== undefined) return known
    const pending = this.authorize(repository, challenge, scopes)
    this.authorizations.set(key, pending)
    pending.catch(() => this.authorizations.delete(key))
    return pending
  }

  private async authorize(
    repository: string,
    challenge: Challenge,
    scopes: string[]
  ): Promise<string | undefined> {
    try {
      if (challenge.scheme === 'bearer') this.requestCount++
      return await authorizationFor(challenge, scopes, this.options.credentials, this.retry)
    } catch (error) {
      if (error instanceof AuthenticationError) {
        throw this.error(
          `authentication failed for registry ${this.registry}: ${error.message}`,
          repository,
          401
        )
      }
      throw error
    }
  }

  private async sendCounted(
    request: HttpRequest,
    authorization: string | undefined,
    repository: string
  ): Promise<HttpResponse> {
    this.requestCount++
    try {
      return await send(
        {
          ...request,
          headers: { ...request.headers, ...(authorization === undefined ? {} : { authorization }) }
        },
        this.retry
      )
    } catch (error) {
      if (error instanceof TransportError) {
        throw this.error(
          `registry ${this.registry} unreachable: ${error.message}`,
          repository,
          undefined,
          undefined,
          error
        )
      }
      throw error
    }
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
    throw this.error(
      `registry ${this.registry} could not ${what}: ${response.status}${parsed.code === undefined ? '' : ` ${parsed.code}`}${detail === undefined ? '' : ` (${detail})`}`,
      repository,
      response.status,
      parsed.code
    )
  }

  private error(
    message: string,
    repository: string,
    status?: number,
    code?: string,
    cause?: Error
  ): RegistryError {
    return new RegistryError(
      message,
      {
        registry: this.registry,
        repository,
        ...(status === undefined ? {} : { status }),
        ...(code === undefined ? {} : { code })
      },
      cause === undefined ? undefined : { cause }
    )
  }
}
