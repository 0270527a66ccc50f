// The registry transport: answers auth challenges, caches tokens, guards realms, retries, caps bodies.
import {
  AuthenticationError,
  authorizationFor,
  basic,
  parseChallenge,
  type Challenge
} from './auth.js'
import { BodyTooLargeError } from './body.js'
import type { Credentials } from './credentials.js'
import { parseErrorBody, registryError, registryText, type RegistryErrorOptions } from './errors.js'
import {
  DEFAULT_RETRY,
  RefusedAnswerError,
  send,
  TransportError,
  type HttpRequest,
  type HttpResponse,
  type RegistryRetryPolicy
} from './http.js'
import { neighbourhood, realmRefusal, redirectRefusal } from './realm.js'
import { registryBaseUrl } from './reference.js'

export interface TransportOptions {
  readonly credentials?: Credentials | undefined
  /** `push` asks for a token that can write; `pull` for one that can only read. */
  readonly access: 'pull' | 'push'
  readonly retry?: RegistryRetryPolicy
}

/** A request to one repository, by its path under `/v2/<repository>/`. */
export interface RegistryRequest extends Omit<HttpRequest, 'url'> {
  readonly repository: string
  /** `manifests/<reference>` or `blobs/<digest>`. */
  readonly path: string
}

/** What a registry that took our preemptive Basic credentials is taken to have asked for. */
const BASIC: Challenge = { scheme: 'basic', params: {} }

/**
 * Basic credentials sent before any challenge, where they may go: over https, or plain http to
 * loopback. A registry that wants a token answers 401 as it would have anyway; one that wants
 * Basic (htpasswd) answers at once, and the run saves the 401 round trip.
 */
export function preemptiveAuthorization(
  baseUrl: string,
  credentials: Credentials | undefined
): string | undefined {
  if (credentials === undefined) return undefined
  const url = new URL(baseUrl)
  const safe = url.protocol === 'https:' || neighbourhood(url.hostname) === 'loopback'
  return safe ? basic(credentials) : undefined
}

export class RegistryTransport {
  readonly baseUrl: string
  private readonly retry: RegistryRetryPolicy
  private challenge: Challenge | undefined
  private readonly authorizations = new Map<string, Promise<string | undefined>>()
  private discovery: Promise<void> | undefined
  private readonly preemptive: string | undefined
  /** Requests sent, tokens included, for logs and benchmarks. */
  requestCount = 0

  constructor(
    readonly registry: string,
    private readonly options: TransportOptions
  ) {
    this.baseUrl = registryBaseUrl(registry)
    this.retry = options.retry ?? DEFAULT_RETRY
    this.preemptive = preemptiveAuthorization(this.baseUrl, options.credentials)
  }

  /** An error that names this registry and the repository. */
  error(message: string, repository: string, options?: RegistryErrorOptions): Error {
    return registryError(this.registry, repository, message, options)
  }

  /**
   * Sends with the cached authorization; on a 401 answers the challenge once and resends. Without
   * preemptive credentials the first request to a host discovers its challenge while the others
   * wait, so parallel requests share one 401. With them, most registries answer at once, so
   * parallel requests go together: a token registry answers each with a 401 (in parallel, no
   * longer to wait) and they share one token.
   */
  async request(request: RegistryRequest): Promise<HttpResponse> {
    if (this.preemptive !== undefined && this.challenge === undefined) {
      return this.authenticatedRequest(request)
    }
    if (this.discovery !== undefined) {
      await this.discovery
    } else if (this.challenge === undefined) {
      let discovered = (): void => undefined
      this.discovery = new Promise((resolve) => (discovered = resolve))
      try {
        return await this.authenticatedRequest(request)
      } finally {
        discovered()
      }
    }
    return this.authenticatedRequest(request)
  }

  private async authenticatedRequest(request: RegistryRequest): Promise<HttpResponse> {
    const { repository } = request
    const scopes = this.scopesFor(repository)
    const cached =
      this.challenge === undefined
        ? Promise.resolve(this.preemptive)
        : this.authorization(repository, this.challenge, scopes)
    const sent = await cached
    let response = await this.sendCounted(request, sent)
    if (response.status !== 401) {
      if (sent !== undefined) this.challenge ??= BASIC
      return response
    }
    const header = response.headers.get('www-authenticate')
    const challenge = header === null ? undefined : parseChallenge(header)
    if (challenge === undefined) {
      throw this.error(`authentication failed for registry ${this.registry}`, repository, {
        status: 401,
        code: 'UNAUTHORIZED'
      })
    }
    // A 401 despite a cached token means it expired: fetch a fresh one, once (unless a parallel
    // request has already replaced it).
    const key = scopes.join(' ')
    if (this.authorizations.get(key) === cached) this.authorizations.delete(key)
    this.challenge = challenge
    const answer = await this.authorization(repository, challenge, scopes)
    // The same credentials again would be refused again.
    if (answer !== sent) response = await this.sendCounted(request, answer)
    if (response.status === 401) {
      const { credentials } = this.options
      throw this.error(
        `authentication failed for registry ${this.registry}${credentials === undefined ? ' (no credentials given)' : ` as '${credentials.username}'`}`,
        repository,
        { status: 401, code: parseErrorBody(response.body.toString('utf8')).code }
      )
    }
    return response
  }

  private scopesFor(repository: string): string[] {
    return [`repository:${repository}:${this.options.access === 'push' ? 'pull,push' : 'pull'}`]
  }

  /**
   * One authorization per scope, shared by every request that needs it, fetched once. A refusal
   * stays too: the same credentials would be refused again, so requests sent in parallel learn it
   * from the one answer instead of each asking the token service.
   */
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
    return pending
  }

  private async authorize(
    repository: string,
    challenge: Challenge,
    scopes: string[]
  ): Promise<string | undefined> {
    const realm = challenge.params.realm
    if (challenge.scheme === 'bearer' && realm !== undefined) {
      const refusal = realmRefusal(this.baseUrl, realm)
      if (refusal !== undefined) {
        throw this.error(
          `registry ${this.registry} sent us to the token realm '${registryText(realm)}', which is refused: ${refusal}`,
          repository,
          { status: 401 }
        )
      }
    }
    try {
      if (challenge.scheme === 'bearer') this.requestCount++
      return await authorizationFor(
        challenge,
        scopes,
        this.options.credentials,
        this.retry,
        (target) => realmRefusal(this.baseUrl, target.href)
      )
    } catch (error) {
      if (error instanceof AuthenticationError) {
        throw this.error(
          `authentication failed for registry ${this.registry}: ${error.message}`,
          repository,
          { status: 401 }
        )
      }
      throw this.wrapped(error, repository)
    }
  }

  private async sendCounted(
    request: RegistryRequest,
    authorization: string | undefined
  ): Promise<HttpResponse> {
    this.requestCount++
    const { repository, path, ...rest } = request
    try {
      return await send(
        {
          ...rest,
          url: `${this.baseUrl}/v2/${repository}/${path}`,
          headers: { ...rest.headers, ...(authorization === undefined ? {} : { authorization }) },
          checkRedirect: (target) => redirectRefusal(this.baseUrl, target)
        },
        this.retry
      )
    } catch (error) {
      throw this.wrapped(error, repository)
    }
  }

  private wrapped(error: unknown, repository: string): unknown {
    if (error instanceof TransportError) {
      return this.error(`registry ${this.registry} unreachable: ${error.message}`, repository, {
        cause: error
      })
    }
    if (error instanceof BodyTooLargeError || error instanceof RefusedAnswerError) {
      return this.error(`registry ${this.registry}: ${error.message}`, repository, { cause: error })
    }
    return error
  }
}
