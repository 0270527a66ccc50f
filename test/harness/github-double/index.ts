// A GitHub REST API double on loopback, as strict as api.github.com, for tests that run the action.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { errorBody } from './router.js'
import { dispatch, REST_DOCS, send, type DoubleState, type Fault } from './server.js'
import {
  addRepository,
  GITHUB_ACTIONS_BOT,
  newStore,
  timestamp,
  userNamed,
  type RecordedRequest,
  type RepositorySeed,
  type StoredComment,
  type StoredDeployment
} from './store.js'
import { DEFAULT_TOKENS, type TokenGrant } from './tokens.js'

export type { Fault } from './server.js'
export * from './store.js'
export * from './tokens.js'

export interface GitHubApiDoubleOptions {
  /** Repositories that exist, with their pull requests and commits; nothing else does. */
  readonly repositories?: readonly RepositorySeed[]
  /** Tokens accepted besides WRITE_TOKEN, READ_TOKEN and PERSONAL_TOKEN. */
  readonly tokens?: Readonly<Record<string, TokenGrant>>
}

export interface SeedCommentsOptions {
  /** Login of the author; octocat by default, a Bot when it ends in [bot]. */
  readonly author?: string
  /** Bodies are `${bodyPrefix} ${n}`, n from 1. */
  readonly bodyPrefix?: string
}

export interface GitHubApiDouble {
  /** Base URL to give Octokit, http://127.0.0.1:PORT. */
  readonly url: string
  readonly requests: RecordedRequest[]
  readonly comments: StoredComment[]
  readonly deployments: StoredDeployment[]
  /** Requests and responses so far that do not match api.github.com's description. */
  readonly violations: string[]
  /** The comments on one issue or pull request, oldest first. */
  commentsOn(issueNumber: number): StoredComment[]
  /** Makes the next matching request(s) fail as described, before authentication. */
  failNext(fault: Fault): void
  addRepository(seed: RepositorySeed): void
  addToken(token: string, grant: TokenGrant): void
  /** Comments already on a pull request the repository has, as if posted earlier. */
  seedComments(
    owner: string,
    repo: string,
    issueNumber: number,
    count: number,
    options?: SeedCommentsOptions
  ): StoredComment[]
  /** Throws, listing them, when any exchange broke GitHub's description; then starts afresh. */
  assertNoViolations(): void
  close(): Promise<void>
}

export async function startGitHubApiDouble(
  options: GitHubApiDoubleOptions = {}
): Promise<GitHubApiDouble> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const state: DoubleState = {
    store: newStore(`http://127.0.0.1:${port}`),
    tokens: new Map(Object.entries({ ...DEFAULT_TOKENS, ...options.tokens })),
    requests: [],
    violations: [],
    faults: [],
    rateLimitUsed: 0,
    rateLimitReset: Math.floor(Date.now() / 1000) + 3600
  }
  const { store } = state
  const register = (grant: TokenGrant): void => {
    store.users.set(grant.identity.login, grant.identity)
  }
  register({ identity: GITHUB_ACTIONS_BOT, kind: 'installation', permissions: {} })
  for (const grant of state.tokens.values()) register(grant)
  for (const seed of options.repositories ?? []) addRepository(store, seed)

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    readText(req)
      .then((text) => {
        send(res, state, dispatch(state, req, text))
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error)
        state.violations.push(`the double failed: ${message}`)
        send(res, state, {
          status: 500,
          body: errorBody(500, `Double failed: ${message}`, REST_DOCS)
        })
      })
  })

  return {
    url: store.base,
    requests: state.requests,
    comments: store.comments,
    deployments: store.deployments,
    violations: state.violations,
    commentsOn(issueNumber) {
      return store.comments.filter((comment) => comment.issueNumber === issueNumber)
    },
    failNext(fault) {
      state.faults.push({ fault, remaining: fault.times ?? 1 })
    },
    addRepository(seed) {
      addRepository(store, seed)
    },
    addToken(token, grant) {
      state.tokens.set(token, grant)
      register(grant)
    },
    seedComments(owner, repo, issueNumber, count, seedOptions = {}) {
      if (store.repositories.get(`${owner}/${repo}`)?.pullRequests.has(issueNumber) !== true) {
        throw new Error(`seedComments: ${owner}/${repo} has no pull request #${issueNumber}`)
      }
      const user = userNamed(store, seedOptions.author ?? 'octocat')
      const now = timestamp()
      return Array.from({ length: count }, (_, index) => {
        const comment: StoredComment = {
          id: ++store.ids.comment,
          owner,
          repo,
          issueNumber,
          body: `${seedOptions.bodyPrefix ?? 'Comment'} ${index + 1}`,
          user,
          createdAt: now,
          updatedAt: now
        }
        store.comments.push(comment)
        return comment
      })
    },
    assertNoViolations() {
      const found = state.violations.splice(0)
      if (found.length > 0) {
        throw new Error(`The GitHub double saw what api.github.com would not:\n${found.join('\n')}`)
      }
    },
    close() {
      server.closeAllConnections()
      return new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error === undefined) resolve()
          else reject(error)
        })
      })
    }
  }
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** A 403 for the primary rate limit, as GitHub sends it once the hour's requests are spent. */
export function rateLimitExceeded(resetAt: Date): Fault {
  return {
    status: 403,
    headers: {
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.floor(resetAt.getTime() / 1000))
    },
    body: errorBody(
      403,
      'API rate limit exceeded for installation ID 1.',
      `${REST_DOCS}/overview/rate-limits-for-the-rest-api`
    )
  }
}

/** A secondary rate limit: 403 (or 429) with retry-after, the remaining quota untouched. */
export function secondaryRateLimit(retryAfterSeconds: number, status: 403 | 429 = 403): Fault {
  return {
    status,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: errorBody(
      status,
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      `${REST_DOCS}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`
    )
  }
}
