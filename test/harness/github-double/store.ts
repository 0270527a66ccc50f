// What the GitHub double holds: repositories with their pull requests and commits, comments, deployments.
import type { IncomingHttpHeaders } from 'node:http'

export interface GitHubUser {
  readonly login: string
  readonly id: number
  readonly type: 'User' | 'Bot'
}

/** The identity behind the workflow's GITHUB_TOKEN, as api.github.com reports it. */
export const GITHUB_ACTIONS_BOT: GitHubUser = {
  login: 'github-actions[bot]',
  id: 41898282,
  type: 'Bot'
}

export interface RepositorySeed {
  readonly owner: string
  readonly repo: string
  /** Open pull requests by number: the issues comments may go on. */
  readonly pullRequests?: readonly number[]
  /** Full SHAs of commits that exist, which a deployment may name. */
  readonly commits?: readonly string[]
  /** Branches and tags by short name, each with its commit. */
  readonly refs?: Readonly<Record<string, string>>
}

export interface StoredRepository {
  readonly id: number
  readonly owner: string
  readonly repo: string
  readonly pullRequests: Set<number>
  readonly commits: Set<string>
  readonly refs: Map<string, string>
}

export interface StoredComment {
  readonly id: number
  readonly owner: string
  readonly repo: string
  readonly issueNumber: number
  body: string
  readonly user: GitHubUser
  readonly createdAt: string
  updatedAt: string
}

export type DeploymentState =
  'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success'

export interface StoredDeploymentStatus {
  readonly id: number
  readonly state: DeploymentState
  readonly description: string
  readonly environment: string
  readonly logUrl: string
  readonly environmentUrl: string
  readonly creator: GitHubUser
  readonly createdAt: string
}

export interface StoredDeployment {
  readonly id: number
  readonly owner: string
  readonly repo: string
  readonly sha: string
  readonly ref: string
  readonly task: string
  readonly payload: Record<string, unknown> | string
  readonly originalEnvironment: string
  /** A status may move the deployment to another environment. */
  environment: string
  readonly description: string | null
  readonly transientEnvironment: boolean
  readonly productionEnvironment: boolean
  readonly creator: GitHubUser
  readonly createdAt: string
  updatedAt: string
  /** Oldest first; the API serves them newest first. */
  readonly statuses: StoredDeploymentStatus[]
}

export interface RecordedRequest {
  readonly method: string
  /** Path and query, as sent. */
  readonly path: string
  readonly headers: IncomingHttpHeaders
  /** Parsed JSON, the raw text when it is not JSON, undefined when empty. */
  readonly body: unknown
}

export interface Store {
  readonly base: string
  readonly repositories: Map<string, StoredRepository>
  readonly comments: StoredComment[]
  readonly deployments: StoredDeployment[]
  readonly users: Map<string, GitHubUser>
  // Above 2^31, as real ids are, and apart per kind so a mixed-up id is a 404.
  readonly ids: { comment: number; deployment: number; status: number; repository: number }
}

export function newStore(base: string): Store {
  return {
    base,
    repositories: new Map(),
    comments: [],
    deployments: [],
    users: new Map(),
    ids: {
      comment: 2_300_000_000,
      deployment: 3_400_000_000,
      status: 4_500_000_000,
      repository: 700_000_000
    }
  }
}

/** Adds the repository, or what the seed adds to one already there. */
export function addRepository(store: Store, seed: RepositorySeed): StoredRepository {
  const key = `${seed.owner}/${seed.repo}`
  const repository = store.repositories.get(key) ?? {
    id: ++store.ids.repository,
    owner: seed.owner,
    repo: seed.repo,
    pullRequests: new Set<number>(),
    commits: new Set<string>(),
    refs: new Map<string, string>()
  }
  store.repositories.set(key, repository)
  for (const number of seed.pullRequests ?? []) repository.pullRequests.add(number)
  for (const sha of [...(seed.commits ?? []), ...Object.values(seed.refs ?? {})]) {
    if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error(`not a full commit SHA: ${sha}`)
    repository.commits.add(sha)
  }
  for (const [name, sha] of Object.entries(seed.refs ?? {})) repository.refs.set(name, sha)
  return repository
}

/** The commit a deployment's `ref` names: a known SHA, branch or tag, or undefined. */
export function resolveRef(repository: StoredRepository, ref: string): string | undefined {
  if (repository.commits.has(ref)) return ref
  return repository.refs.get(ref.replace(/^refs\/(heads|tags)\//, ''))
}

/** The same user object for the same login; a login ending in [bot] is a Bot. */
export function userNamed(store: Store, login: string): GitHubUser {
  let user = store.users.get(login)
  if (user === undefined) {
    user = { login, id: 100_000 + store.users.size, type: login.endsWith('[bot]') ? 'Bot' : 'User' }
    store.users.set(login, user)
  }
  return user
}

export function timestamp(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
}
