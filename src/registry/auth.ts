// Registry authentication: answers a WWW-Authenticate challenge with Basic or a Bearer token.
import { TOKEN_BODY_LIMIT } from './body.js'
import type { Credentials } from './credentials.js'
import { send, type HttpResponse, type RegistryRetryPolicy } from './http.js'

export interface Challenge {
  readonly scheme: 'basic' | 'bearer'
  readonly params: Readonly<Record<string, string>>
}

/** Parses `Bearer realm="…",service="…",scope="…"` (quoted values may hold commas). */
export function parseChallenge(header: string): Challenge | undefined {
  const match = /^\s*(\w+)\s*(.*)$/s.exec(header)
  if (match === null) return undefined
  const scheme = (match[1] ?? '').toLowerCase()
  if (scheme !== 'basic' && scheme !== 'bearer') return undefined
  const params: Record<string, string> = {}
  const pattern = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g
  for (const param of (match[2] ?? '').matchAll(pattern)) {
    const key = (param[1] ?? '').toLowerCase()
    params[key] = (param[2] ?? param[3] ?? '').replace(/\\(.)/g, '$1')
  }
  return { scheme, params }
}

export class AuthenticationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'AuthenticationError'
  }
}

export function basic(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
}

interface TokenResponse {
  token?: string
  access_token?: string
}

/** Fetches a Bearer token for the given scopes from the challenge's realm. */
export async function fetchToken(
  challenge: Challenge,
  scopes: readonly string[],
  credentials: Credentials | undefined,
  policy: RegistryRetryPolicy,
  checkRedirect: (target: URL) => string | undefined
): Promise<string> {
  const realm = challenge.params.realm
  if (realm === undefined)
    throw new AuthenticationError('the registry sent a Bearer challenge without a realm')
  const url = new URL(realm)
  if (challenge.params.service !== undefined)
    url.searchParams.set('service', challenge.params.service)
  for (const scope of scopes) url.searchParams.append('scope', scope)
  const headers: Record<string, string> = {}
  if (credentials !== undefined) headers.authorization = basic(credentials)
  const response: HttpResponse = await send(
    {
      method: 'GET',
      url: url.toString(),
      headers,
      bodyLimit: TOKEN_BODY_LIMIT,
      what: `the answer of the token service at ${url.host}`,
      checkRedirect
    },
    policy
  )
  if (response.status === 401 || response.status === 403) {
    throw new AuthenticationError(
      credentials === undefined
        ? 'the registry refused anonymous access'
        : `the registry refused the credentials of '${credentials.username}'`
    )
  }
  if (response.status !== 200) {
    throw new AuthenticationError(`the token service at ${url.host} answered ${response.status}`)
  }
  let body: TokenResponse
  try {
    body = JSON.parse(response.body.toString('utf8')) as TokenResponse
  } catch {
    throw new AuthenticationError(`the token service at ${url.host} did not answer with JSON`)
  }
  const token = body.token ?? body.access_token
  // A token is put in a header as it is: white space or control characters mean it is not one.
  // eslint-disable-next-line no-control-regex
  if (typeof token !== 'string' || token === '' || /[\s\u0000-\u001f\u007f]/.test(token)) {
    throw new AuthenticationError(`the token service at ${url.host} returned no token`)
  }
  return token
}

/** The Authorization header value that answers a challenge; undefined for anonymous Basic. */
export async function authorizationFor(
  challenge: Challenge,
  scopes: readonly string[],
  credentials: Credentials | undefined,
  policy: RegistryRetryPolicy,
  checkRedirect: (target: URL) => string | undefined
): Promise<string | undefined> {
  if (challenge.scheme === 'basic') {
    if (credentials === undefined) {
      throw new AuthenticationError('the registry requires a username and password')
    }
    return basic(credentials)
  }
  return `Bearer ${await fetchToken(challenge, scopes, credentials, policy, checkRedirect)}`
}
