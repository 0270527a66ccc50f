// GitHub's REST API on node:http/https: JSON in, capped JSON out, pages followed by their Link header.
// Promotion's few deployment calls go through it rather than Octokit, whose loading (with undici)
// would cost each promote more than its registry work.
import { readCapped } from '../registry/body.js'
import { exchange, type ResponseHeaders } from '../registry/wire.js'
import { untrustedText } from '../log/untrusted-text.js'

/** A page of 100 deployments with their payloads is tens of KiB; GitHub's answers never near this. */
export const GITHUB_ANSWER_LIMIT = 8 * 1024 * 1024
const TIMEOUT_MS = 30_000
/** The REST API version our calls and the double's schema are written against. */
const API_VERSION = '2022-11-28'

/** A refusal from GitHub, shaped as Octokit's RequestError so the retry verdicts read it alike. */
export class GitHubApiError extends Error {
  readonly response: { readonly headers: Record<string, string | undefined> }

  constructor(
    message: string,
    readonly status: number,
    headers: ResponseHeaders
  ) {
    super(message)
    this.name = 'GitHubApiError'
    const named = ['retry-after', 'x-ratelimit-remaining', 'x-ratelimit-reset']
    this.response = {
      headers: Object.fromEntries(named.map((name) => [name, headers.get(name) ?? undefined]))
    }
  }
}

export interface GitHubAnswer {
  readonly data: unknown
  readonly headers: ResponseHeaders
}

export class GitHubRest {
  private readonly base: URL

  constructor(
    private readonly token: string,
    /** GITHUB_API_URL: https://api.github.com, or a GitHub Enterprise Server's /api/v3. */
    baseUrl: string
  ) {
    this.base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`)
  }

  /** `path` is relative to the API root, e.g. `repos/acme/web/deployments`. */
  url(path: string, query: Record<string, string | number> = {}): URL {
    const url = new URL(path.replace(/^\//, ''), this.base)
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value))
    return url
  }

  async request(method: 'GET' | 'POST', url: URL, body?: unknown): Promise<GitHubAnswer> {
    if (url.origin !== this.base.origin) {
      throw new Error(`refused to send the GitHub token to ${url.origin}`)
    }
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
    const response = await exchange({
      method,
      url,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${this.token}`,
        'user-agent': 'immutable-image',
        'x-github-api-version': API_VERSION,
        ...(payload === undefined ? {} : { 'content-type': 'application/json' })
      },
      body: payload,
      timeoutMs: TIMEOUT_MS
    })
    const what = `GitHub's answer to ${method} ${url.pathname}`
    let text: string
    try {
      const bytes = await readCapped(
        response.body,
        response.headers.get('content-length'),
        GITHUB_ANSWER_LIMIT,
        what,
        () => {
          response.abort()
        }
      )
      text = bytes.toString('utf8')
    } finally {
      response.done()
    }
    if (response.status < 200 || response.status >= 300) {
      throw new GitHubApiError(
        `GitHub answered ${response.status} to ${method} ${url.pathname}${reasonOf(text)}`,
        response.status,
        response.headers
      )
    }
    return { data: parseJson(text, what), headers: response.headers }
  }

  /** Every page of a list, following `rel="next"` only to the API's own origin. */
  async *pages(first: URL): AsyncGenerator<unknown[]> {
    for (let url: URL | undefined = first; url !== undefined;) {
      const { data, headers } = await this.request('GET', url)
      if (!Array.isArray(data)) throw new Error(`GitHub's answer to GET ${url.pathname} is no list`)
      yield data
      url = nextPage(headers.get('link'), url)
    }
  }
}

function parseJson(text: string, what: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new Error(`${what} is not JSON`)
  }
}

/** GitHub's `message`, made inert and short, for the error line. */
function reasonOf(text: string): string {
  try {
    const { message } = JSON.parse(text) as { message?: unknown }
    return typeof message === 'string' ? ` (${untrustedText(message)})` : ''
  } catch {
    return ''
  }
}

/** The `rel="next"` target of a Link header, resolved against the page it came with. */
export function nextPage(link: string | null, current: URL): URL | undefined {
  for (const part of (link ?? '').split(',')) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part)
    if (match === null || !/\brel="?next"?/.test(match[2] ?? '')) continue
    return new URL(match[1] ?? '', current)
  }
  return undefined
}
