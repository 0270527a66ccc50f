// A GitHub REST API double on loopback, shaped after api.github.com, for tests that run the action.
import { createHash } from 'node:crypto'
import {
  createServer,
  STATUS_CODES,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import type { AddressInfo } from 'node:net'

export type TokenPermission = 'write' | 'read'

/** Shaped like a GITHUB_TOKEN (ghs_ and 36 characters), so leak scans can look for it. */
export const WRITE_TOKEN = 'ghs_DoubleWriteToken00000000000000000000'
/** What a fork's pull request gets: it can read, and every write is refused. */
export const READ_TOKEN = 'ghs_DoubleReadToken000000000000000000000'

export interface GitHubUser {
  readonly login: string
  readonly id: number
  readonly type: 'User' | 'Bot' | 'Organization'
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

export const DEPLOYMENT_STATES = [
  'error',
  'failure',
  'inactive',
  'in_progress',
  'queued',
  'pending',
  'success'
] as const
export type DeploymentState = (typeof DEPLOYMENT_STATES)[number]

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

export interface PullRequestSeed {
  readonly owner: string
  readonly repo: string
  readonly number: number
  readonly headSha: string
  readonly headRef?: string
  readonly baseRef?: string
  readonly baseSha?: string
  /** The head branch lives in `headOwner`'s fork. */
  readonly fork?: boolean
  readonly headOwner?: string
  readonly author?: string
  readonly title?: string
}

export interface StoredPullRequest {
  readonly id: number
  readonly owner: string
  readonly repo: string
  readonly number: number
  readonly title: string
  readonly author: GitHubUser
  readonly headOwner: string
  readonly headRef: string
  readonly headSha: string
  readonly baseRef: string
  readonly baseSha: string
  readonly fork: boolean
  readonly createdAt: string
}

export interface RecordedRequest {
  readonly method: string
  /** Path and query, as sent. */
  readonly path: string
  readonly headers: IncomingHttpHeaders
  /** Parsed JSON, the raw text when it is not JSON, undefined when empty. */
  readonly body: unknown
}

export interface Fault {
  readonly method?: string
  /** A string matches the path without its query; a RegExp is tested against path and query. */
  readonly path?: string | RegExp
  readonly status: number
  readonly headers?: Readonly<Record<string, string>>
  /** An object is sent as JSON, a string as it is; GitHub's error shape by default. */
  readonly body?: unknown
  /** How many matching requests fail; 1 by default. */
  readonly times?: number
}

export interface GitHubApiDoubleOptions {
  /** Tokens the double accepts; by default WRITE_TOKEN (write) and READ_TOKEN (read). */
  readonly tokens?: Readonly<Record<string, TokenPermission>>
  /** Who every token acts as; github-actions[bot] by default. */
  readonly user?: Partial<GitHubUser>
  readonly pullRequests?: readonly PullRequestSeed[]
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
  readonly pullRequests: StoredPullRequest[]
  /** Makes the next matching request(s) fail as described, before authentication. */
  failNext(fault: Fault): void
  seedComments(
    owner: string,
    repo: string,
    issueNumber: number,
    count: number,
    options?: SeedCommentsOptions
  ): StoredComment[]
  addPullRequest(seed: PullRequestSeed): StoredPullRequest
  /** Makes `ref` (a branch or tag name) resolve to `sha` when a deployment names it. */
  setRef(owner: string, repo: string, ref: string, sha: string): void
  close(): Promise<void>
}

const GITHUB_ACTIONS_BOT: GitHubUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }
const REST_DOCS = 'https://docs.github.com/rest'
const WEB = 'https://github.com'
const MAX_COMMENT_LENGTH = 65536
const MAX_STATUS_DESCRIPTION = 140
const RATE_LIMIT = 5000

// ---------------------------------------------------------------------------------------------
// State

interface DoubleState {
  readonly base: string
  readonly user: GitHubUser
  readonly tokens: ReadonlyMap<string, TokenPermission>
  readonly requests: RecordedRequest[]
  readonly comments: StoredComment[]
  readonly deployments: StoredDeployment[]
  readonly pullRequests: StoredPullRequest[]
  readonly faults: { fault: Fault; remaining: number }[]
  readonly repositoryIds: Map<string, number>
  readonly users: Map<string, GitHubUser>
  readonly refs: Map<string, string>
  readonly ids: { comment: number; deployment: number; status: number; repository: number }
  rateLimitUsed: number
  readonly rateLimitReset: number
}

function repositoryId(state: DoubleState, owner: string, repo: string): number {
  const key = `${owner}/${repo}`
  let id = state.repositoryIds.get(key)
  if (id === undefined) {
    id = ++state.ids.repository
    state.repositoryIds.set(key, id)
  }
  return id
}

function userNamed(state: DoubleState, login: string): GitHubUser {
  if (login === state.user.login) return state.user
  let user = state.users.get(login)
  if (user === undefined) {
    user = { login, id: 100_000 + state.users.size, type: login.endsWith('[bot]') ? 'Bot' : 'User' }
    state.users.set(login, user)
  }
  return user
}

function resolveRef(
  state: DoubleState,
  owner: string,
  repo: string,
  ref: string
): string | undefined {
  if (/^[0-9a-f]{40}$/.test(ref)) return ref
  const short = ref.replace(/^refs\/(heads|tags)\//, '')
  return state.refs.get(`${owner}/${repo}:${ref}`) ?? state.refs.get(`${owner}/${repo}:${short}`)
}

function timestamp(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function addPullRequest(state: DoubleState, seed: PullRequestSeed): StoredPullRequest {
  const fork = seed.fork ?? false
  const headOwner = seed.headOwner ?? (fork ? `${seed.owner}-fork` : seed.owner)
  const pull: StoredPullRequest = {
    id: 1_000_000_000 + state.pullRequests.length,
    owner: seed.owner,
    repo: seed.repo,
    number: seed.number,
    title: seed.title ?? `Pull request ${seed.number}`,
    author: userNamed(state, seed.author ?? headOwner),
    headOwner,
    headRef: seed.headRef ?? `feature-${seed.number}`,
    headSha: seed.headSha,
    baseRef: seed.baseRef ?? 'main',
    baseSha: seed.baseSha ?? fakeSha(`${seed.owner}/${seed.repo}:${seed.baseRef ?? 'main'}`),
    fork,
    createdAt: timestamp()
  }
  state.pullRequests.push(pull)
  state.refs.set(`${pull.owner}/${pull.repo}:refs/pull/${pull.number}/head`, pull.headSha)
  state.refs.set(`${pull.owner}/${pull.repo}:${pull.baseRef}`, pull.baseSha)
  state.refs.set(`${headOwner}/${pull.repo}:${pull.headRef}`, pull.headSha)
  return pull
}

function fakeSha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex')
}

// ---------------------------------------------------------------------------------------------
// JSON shapes, in the field order api.github.com uses

function nodeId(type: string, id: number): string {
  return Buffer.from(`0${type.length}:${type}${id}`).toString('base64')
}

function userJson(user: GitHubUser, base: string): Record<string, unknown> {
  const api = `${base}/users/${encodeURIComponent(user.login)}`
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type, user.id),
    avatar_url:
      user.type === 'Bot'
        ? 'https://avatars.githubusercontent.com/in/15368?v=4'
        : `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url:
      user.type === 'Bot'
        ? `${WEB}/apps/${user.login.replace(/\[bot\]$/, '')}`
        : `${WEB}/${user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false
  }
}

function repositoryJson(
  state: DoubleState,
  owner: string,
  repo: string,
  fork = false
): Record<string, unknown> {
  const id = repositoryId(state, owner, repo)
  const api = `${state.base}/repos/${owner}/${repo}`
  return {
    id,
    node_id: nodeId('Repository', id),
    name: repo,
    full_name: `${owner}/${repo}`,
    private: false,
    owner: userJson(userNamed(state, owner), state.base),
    html_url: `${WEB}/${owner}/${repo}`,
    description: null,
    fork,
    url: api,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    deployments_url: `${api}/deployments`,
    statuses_url: `${api}/statuses/{sha}`,
    clone_url: `${WEB}/${owner}/${repo}.git`,
    created_at: '2020-01-01T00:00:00Z',
    updated_at: '2020-01-01T00:00:00Z',
    pushed_at: '2020-01-01T00:00:00Z',
    archived: false,
    disabled: false,
    visibility: 'public',
    default_branch: 'main'
  }
}

function commentJson(comment: StoredComment, base: string): Record<string, unknown> {
  const api = `${base}/repos/${comment.owner}/${comment.repo}`
  const url = `${api}/issues/comments/${comment.id}`
  return {
    url,
    html_url: `${WEB}/${comment.owner}/${comment.repo}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${api}/issues/${comment.issueNumber}`,
    id: comment.id,
    node_id: nodeId('IssueComment', comment.id),
    user: userJson(comment.user, base),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: comment.user.login === comment.owner ? 'OWNER' : 'NONE',
    body: comment.body,
    reactions: {
      url: `${url}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0
    },
    performed_via_github_app: null
  }
}

function deploymentJson(deployment: StoredDeployment, base: string): Record<string, unknown> {
  const api = `${base}/repos/${deployment.owner}/${deployment.repo}`
  return {
    url: `${api}/deployments/${deployment.id}`,
    id: deployment.id,
    node_id: nodeId('Deployment', deployment.id),
    task: deployment.task,
    original_environment: deployment.originalEnvironment,
    environment: deployment.environment,
    description: deployment.description,
    created_at: deployment.createdAt,
    updated_at: deployment.updatedAt,
    statuses_url: `${api}/deployments/${deployment.id}/statuses`,
    repository_url: api,
    creator: userJson(deployment.creator, base),
    sha: deployment.sha,
    ref: deployment.ref,
    payload: deployment.payload,
    transient_environment: deployment.transientEnvironment,
    production_environment: deployment.productionEnvironment,
    performed_via_github_app: null
  }
}

function statusJson(
  deployment: StoredDeployment,
  status: StoredDeploymentStatus,
  base: string
): Record<string, unknown> {
  const api = `${base}/repos/${deployment.owner}/${deployment.repo}`
  const deploymentUrl = `${api}/deployments/${deployment.id}`
  return {
    url: `${deploymentUrl}/statuses/${status.id}`,
    id: status.id,
    node_id: nodeId('DeploymentStatus', status.id),
    state: status.state,
    creator: userJson(status.creator, base),
    description: status.description,
    environment: status.environment,
    target_url: status.logUrl,
    created_at: status.createdAt,
    updated_at: status.createdAt,
    deployment_url: deploymentUrl,
    repository_url: api,
    environment_url: status.environmentUrl,
    log_url: status.logUrl,
    performed_via_github_app: null
  }
}

function pullRequestJson(state: DoubleState, pull: StoredPullRequest): Record<string, unknown> {
  const api = `${state.base}/repos/${pull.owner}/${pull.repo}`
  const html = `${WEB}/${pull.owner}/${pull.repo}/pull/${pull.number}`
  return {
    url: `${api}/pulls/${pull.number}`,
    id: pull.id,
    node_id: nodeId('PullRequest', pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pull.number}`,
    number: pull.number,
    state: 'open',
    locked: false,
    title: pull.title,
    user: userJson(pull.author, state.base),
    body: null,
    created_at: pull.createdAt,
    updated_at: pull.createdAt,
    closed_at: null,
    merged_at: null,
    merge_commit_sha: null,
    comments_url: `${api}/issues/${pull.number}/comments`,
    statuses_url: `${api}/statuses/${pull.headSha}`,
    head: {
      label: `${pull.headOwner}:${pull.headRef}`,
      ref: pull.headRef,
      sha: pull.headSha,
      user: userJson(userNamed(state, pull.headOwner), state.base),
      repo: repositoryJson(state, pull.headOwner, pull.repo, pull.fork)
    },
    base: {
      label: `${pull.owner}:${pull.baseRef}`,
      ref: pull.baseRef,
      sha: pull.baseSha,
      user: userJson(userNamed(state, pull.owner), state.base),
      repo: repositoryJson(state, pull.owner, pull.repo)
    },
    author_association: pull.fork ? 'CONTRIBUTOR' : 'MEMBER',
    draft: false,
    merged: false,
    mergeable: null,
    mergeable_state: 'unknown'
  }
}

// ---------------------------------------------------------------------------------------------
// Requests and replies

interface Call {
  readonly state: DoubleState
  readonly params: Readonly<Record<string, string>>
  readonly query: URLSearchParams
  /** The path as /repos/{owner}/{repo}/…, whichever form the request used. */
  readonly pathname: string
  readonly body: Readonly<Record<string, unknown>>
  readonly user: GitHubUser
}

interface Reply {
  readonly status: number
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
}

/** An error GitHub would answer with; the route adds its documentation_url. */
class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: readonly Record<string, unknown>[]
  ) {
    super(message)
  }
}

function notFound(): ApiError {
  return new ApiError(404, 'Not Found')
}

function invalid(detail: string): ApiError {
  return new ApiError(422, `Invalid request.\n\n${detail}`)
}

function validationFailed(
  resource: string,
  field: string,
  code: string,
  message: string
): ApiError {
  return new ApiError(422, 'Validation Failed', [{ resource, code, field, message }])
}

function requiredString(body: Readonly<Record<string, unknown>>, name: string): string {
  if (body[name] === undefined) throw invalid(`"${name}" wasn't supplied.`)
  return optionalString(body, name) ?? ''
}

function optionalString(body: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = body[name]
  if (value === undefined || typeof value === 'string') return value
  throw invalid(`For 'properties/${name}', ${JSON.stringify(value)} is not a string.`)
}

function optionalBoolean(
  body: Readonly<Record<string, unknown>>,
  name: string
): boolean | undefined {
  const value = body[name]
  if (value === undefined || typeof value === 'boolean') return value
  throw invalid(`For 'properties/${name}', ${JSON.stringify(value)} is not a boolean.`)
}

function numberParam(call: Call, name: string): number {
  const value = Number(call.params[name])
  if (!Number.isSafeInteger(value)) throw notFound()
  return value
}

function repoOf(call: Call): { owner: string; repo: string } {
  return { owner: call.params.owner ?? '', repo: call.params.repo ?? '' }
}

/** One page of `items`, with the Link header GitHub sends: prev, next, last, first. */
function paginated(call: Call, items: readonly unknown[]): Reply {
  const requested = Number(call.query.get('per_page') ?? 30)
  const perPage = Number.isInteger(requested) && requested > 0 ? Math.min(requested, 100) : 30
  const askedPage = Number(call.query.get('page') ?? 1)
  const page = Number.isInteger(askedPage) && askedPage > 0 ? askedPage : 1
  const lastPage = Math.max(1, Math.ceil(items.length / perPage))
  const { owner, repo } = repoOf(call)
  const rest = call.pathname.slice(`/repos/${owner}/${repo}`.length)
  const link = (target: number, rel: string): string => {
    const query = new URLSearchParams(call.query)
    query.set('page', String(target))
    const id = repositoryId(call.state, owner, repo)
    return `<${call.state.base}/repositories/${id}${rest}?${query.toString()}>; rel="${rel}"`
  }
  const links = [
    page > 1 ? link(page - 1, 'prev') : undefined,
    page < lastPage ? link(page + 1, 'next') : undefined,
    page < lastPage ? link(lastPage, 'last') : undefined,
    page > 1 ? link(1, 'first') : undefined
  ].filter((value) => value !== undefined)
  return {
    status: 200,
    body: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {}
  }
}

// ---------------------------------------------------------------------------------------------
// Issue comments

function commentsOn(call: Call): StoredComment[] {
  const { owner, repo } = repoOf(call)
  const issueNumber = numberParam(call, 'issue_number')
  return call.state.comments.filter(
    (c) => c.owner === owner && c.repo === repo && c.issueNumber === issueNumber
  )
}

function listComments(call: Call): Reply {
  const since = call.query.get('since')
  const comments = commentsOn(call)
    .filter((c) => since === null || c.updatedAt >= since)
    .sort((a, b) => a.id - b.id)
  return paginated(
    call,
    comments.map((c) => commentJson(c, call.state.base))
  )
}

function commentBody(call: Call): string {
  const body = requiredString(call.body, 'body')
  if (body.length > MAX_COMMENT_LENGTH) {
    throw validationFailed(
      'IssueComment',
      'data',
      'unprocessable',
      `Body is too long (maximum is ${MAX_COMMENT_LENGTH} characters)`
    )
  }
  return body
}

function createComment(call: Call): Reply {
  const { owner, repo } = repoOf(call)
  const now = timestamp()
  const comment: StoredComment = {
    id: ++call.state.ids.comment,
    owner,
    repo,
    issueNumber: numberParam(call, 'issue_number'),
    body: commentBody(call),
    user: call.user,
    createdAt: now,
    updatedAt: now
  }
  call.state.comments.push(comment)
  const json = commentJson(comment, call.state.base)
  return { status: 201, body: json, headers: { location: String(json.url) } }
}

function findComment(call: Call): StoredComment {
  const { owner, repo } = repoOf(call)
  const id = numberParam(call, 'comment_id')
  const comment = call.state.comments.find(
    (c) => c.id === id && c.owner === owner && c.repo === repo
  )
  if (comment === undefined) throw notFound()
  return comment
}

function getComment(call: Call): Reply {
  return { status: 200, body: commentJson(findComment(call), call.state.base) }
}

function updateComment(call: Call): Reply {
  const comment = findComment(call)
  comment.body = commentBody(call)
  comment.updatedAt = timestamp()
  return { status: 200, body: commentJson(comment, call.state.base) }
}

function deleteComment(call: Call): Reply {
  const comment = findComment(call)
  call.state.comments.splice(call.state.comments.indexOf(comment), 1)
  return { status: 204 }
}

// ---------------------------------------------------------------------------------------------
// Deployments and their statuses

function deploymentPayload(body: Readonly<Record<string, unknown>>): StoredDeployment['payload'] {
  const payload = body.payload
  if (payload === undefined) return {}
  if (typeof payload === 'string') return payload
  if (typeof payload === 'object' && payload !== null && !Array.isArray(payload)) {
    return payload as Record<string, unknown>
  }
  throw invalid(
    `For 'properties/payload', ${JSON.stringify(payload)} is not an object or a string.`
  )
}

function createDeployment(call: Call): Reply {
  const { owner, repo } = repoOf(call)
  const ref = requiredString(call.body, 'ref')
  const environment = optionalString(call.body, 'environment') ?? 'production'
  const description =
    call.body.description === null ? null : optionalString(call.body, 'description')
  const requiredContexts = call.body.required_contexts
  if (
    requiredContexts !== undefined &&
    !(Array.isArray(requiredContexts) && requiredContexts.every((c) => typeof c === 'string'))
  ) {
    throw invalid(
      `For 'properties/required_contexts', ${JSON.stringify(requiredContexts)} is not an array.`
    )
  }
  optionalBoolean(call.body, 'auto_merge')
  const sha = resolveDeploymentRef(call, ref)
  const now = timestamp()
  const deployment: StoredDeployment = {
    id: ++call.state.ids.deployment,
    owner,
    repo,
    ref,
    sha,
    task: optionalString(call.body, 'task') ?? 'deploy',
    payload: deploymentPayload(call.body),
    originalEnvironment: environment,
    environment,
    description: description === undefined ? '' : description,
    transientEnvironment: optionalBoolean(call.body, 'transient_environment') ?? false,
    productionEnvironment:
      optionalBoolean(call.body, 'production_environment') ?? environment === 'production',
    creator: call.user,
    createdAt: now,
    updatedAt: now,
    statuses: []
  }
  call.state.deployments.push(deployment)
  const json = deploymentJson(deployment, call.state.base)
  return { status: 201, body: json, headers: { location: String(json.url) } }
}

function resolveDeploymentRef(call: Call, ref: string): string {
  const { owner, repo } = repoOf(call)
  const sha = resolveRef(call.state, owner, repo, ref)
  if (sha === undefined) throw new ApiError(422, `No ref found for: ${ref}`)
  return sha
}

function newestFirst<T extends { readonly id: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.id - a.id)
}

function listDeployments(call: Call): Reply {
  const { owner, repo } = repoOf(call)
  const filters = (['sha', 'ref', 'task', 'environment'] as const).flatMap((name) => {
    const value = call.query.get(name)
    return value === null ? [] : [[name, value] as const]
  })
  const deployments = call.state.deployments.filter(
    (d) =>
      d.owner === owner && d.repo === repo && filters.every(([name, value]) => d[name] === value)
  )
  return paginated(
    call,
    newestFirst(deployments).map((d) => deploymentJson(d, call.state.base))
  )
}

function findDeployment(call: Call): StoredDeployment {
  const { owner, repo } = repoOf(call)
  const id = numberParam(call, 'deployment_id')
  const deployment = call.state.deployments.find(
    (d) => d.id === id && d.owner === owner && d.repo === repo
  )
  if (deployment === undefined) throw notFound()
  return deployment
}

function getDeployment(call: Call): Reply {
  return { status: 200, body: deploymentJson(findDeployment(call), call.state.base) }
}

function isDeploymentState(value: string): value is DeploymentState {
  return (DEPLOYMENT_STATES as readonly string[]).includes(value)
}

function createDeploymentStatus(call: Call): Reply {
  const deployment = findDeployment(call)
  const state = requiredString(call.body, 'state')
  if (!isDeploymentState(state)) {
    throw invalid(`For 'properties/state', ${JSON.stringify(state)} is not a possible value.`)
  }
  const description = optionalString(call.body, 'description') ?? ''
  if (description.length > MAX_STATUS_DESCRIPTION) {
    throw validationFailed(
      'DeploymentStatus',
      'description',
      'custom',
      `description is too long (maximum is ${MAX_STATUS_DESCRIPTION} characters)`
    )
  }
  const environment =
    optionalString(call.body, 'environment') ??
    deployment.statuses.at(-1)?.environment ??
    deployment.environment
  const status = recordStatus(call, deployment, {
    state,
    description,
    environment,
    logUrl: optionalString(call.body, 'log_url') ?? optionalString(call.body, 'target_url') ?? '',
    environmentUrl: optionalString(call.body, 'environment_url') ?? ''
  })
  if (state === 'success' && (optionalBoolean(call.body, 'auto_inactive') ?? true)) {
    inactivatePriorDeployments(call, deployment)
  }
  const json = statusJson(deployment, status, call.state.base)
  return { status: 201, body: json, headers: { location: String(json.url) } }
}

function recordStatus(
  call: Call,
  deployment: StoredDeployment,
  fields: Pick<
    StoredDeploymentStatus,
    'state' | 'description' | 'environment' | 'logUrl' | 'environmentUrl'
  >
): StoredDeploymentStatus {
  const status: StoredDeploymentStatus = {
    id: ++call.state.ids.status,
    creator: call.user,
    createdAt: timestamp(),
    ...fields
  }
  deployment.statuses.push(status)
  deployment.environment = status.environment
  deployment.updatedAt = status.createdAt
  return status
}

/**
 * What GitHub documents for auto_inactive: prior non-transient, non-production deployments of the
 * same repository and environment whose latest status is success get an inactive status.
 */
function inactivatePriorDeployments(call: Call, current: StoredDeployment): void {
  for (const prior of call.state.deployments) {
    const latest = prior.statuses.at(-1)
    if (
      prior.id < current.id &&
      prior.owner === current.owner &&
      prior.repo === current.repo &&
      prior.environment === current.environment &&
      !prior.transientEnvironment &&
      !prior.productionEnvironment &&
      latest?.state === 'success'
    ) {
      recordStatus(call, prior, {
        state: 'inactive',
        description: '',
        environment: prior.environment,
        logUrl: '',
        environmentUrl: ''
      })
    }
  }
}

function listDeploymentStatuses(call: Call): Reply {
  const deployment = findDeployment(call)
  return paginated(
    call,
    newestFirst(deployment.statuses).map((s) => statusJson(deployment, s, call.state.base))
  )
}

// ---------------------------------------------------------------------------------------------
// Repositories and pull requests

function getRepository(call: Call): Reply {
  const { owner, repo } = repoOf(call)
  return { status: 200, body: repositoryJson(call.state, owner, repo) }
}

function getPullRequest(call: Call): Reply {
  const { owner, repo } = repoOf(call)
  const number = numberParam(call, 'pull_number')
  const pull = call.state.pullRequests.find(
    (p) => p.owner === owner && p.repo === repo && p.number === number
  )
  if (pull === undefined) throw notFound()
  return { status: 200, body: pullRequestJson(call.state, pull) }
}

// ---------------------------------------------------------------------------------------------
// Route table

interface Route {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  readonly pattern: RegExp
  /** The documentation_url GitHub puts in this endpoint's errors. */
  readonly docs: string
  /** x-accepted-github-permissions, sent when a token may not write here. */
  readonly permissions: string
  readonly handle: (call: Call) => Reply
}

function route(
  method: Route['method'],
  template: string,
  docs: string,
  permissions: string,
  handle: Route['handle']
): Route {
  const source = template.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')
  return { method, pattern: new RegExp(`^${source}$`), docs, permissions, handle }
}

const COMMENTS_DOCS = `${REST_DOCS}/issues/comments`
const DEPLOYMENTS_DOCS = `${REST_DOCS}/deployments/deployments`
const STATUSES_DOCS = `${REST_DOCS}/deployments/statuses`
const COMMENT_PERMISSIONS = 'issues=write; pull_requests=write'
const REPO = '/repos/{owner}/{repo}'

const ROUTES: readonly Route[] = [
  route('GET', REPO, `${REST_DOCS}/repos/repos#get-a-repository`, 'metadata=read', getRepository),
  route(
    'GET',
    `${REPO}/pulls/{pull_number}`,
    `${REST_DOCS}/pulls/pulls#get-a-pull-request`,
    'pull_requests=read',
    getPullRequest
  ),
  route(
    'GET',
    `${REPO}/issues/{issue_number}/comments`,
    `${COMMENTS_DOCS}#list-issue-comments`,
    'issues=read; pull_requests=read',
    listComments
  ),
  route(
    'POST',
    `${REPO}/issues/{issue_number}/comments`,
    `${COMMENTS_DOCS}#create-an-issue-comment`,
    COMMENT_PERMISSIONS,
    createComment
  ),
  route(
    'GET',
    `${REPO}/issues/comments/{comment_id}`,
    `${COMMENTS_DOCS}#get-an-issue-comment`,
    'issues=read; pull_requests=read',
    getComment
  ),
  route(
    'PATCH',
    `${REPO}/issues/comments/{comment_id}`,
    `${COMMENTS_DOCS}#update-an-issue-comment`,
    COMMENT_PERMISSIONS,
    updateComment
  ),
  route(
    'DELETE',
    `${REPO}/issues/comments/{comment_id}`,
    `${COMMENTS_DOCS}#delete-an-issue-comment`,
    COMMENT_PERMISSIONS,
    deleteComment
  ),
  route(
    'GET',
    `${REPO}/deployments`,
    `${DEPLOYMENTS_DOCS}#list-deployments`,
    'deployments=read',
    listDeployments
  ),
  route(
    'POST',
    `${REPO}/deployments`,
    `${DEPLOYMENTS_DOCS}#create-a-deployment`,
    'deployments=write',
    createDeployment
  ),
  route(
    'GET',
    `${REPO}/deployments/{deployment_id}`,
    `${DEPLOYMENTS_DOCS}#get-a-deployment`,
    'deployments=read',
    getDeployment
  ),
  route(
    'GET',
    `${REPO}/deployments/{deployment_id}/statuses`,
    `${STATUSES_DOCS}#list-deployment-statuses`,
    'deployments=read',
    listDeploymentStatuses
  ),
  route(
    'POST',
    `${REPO}/deployments/{deployment_id}/statuses`,
    `${STATUSES_DOCS}#create-a-deployment-status`,
    'deployments=write',
    createDeploymentStatus
  )
]

// ---------------------------------------------------------------------------------------------
// Server

function errorBody(status: number, message: string, docs: string, errors?: unknown): unknown {
  return {
    message,
    ...(errors === undefined ? {} : { errors }),
    documentation_url: docs,
    status: String(status)
  }
}

function standardHeaders(state: DoubleState): Record<string, string> {
  const requestId = createHash('sha1')
    .update(String(state.requests.length))
    .digest('hex')
    .toUpperCase()
  return {
    'x-github-request-id': `${requestId.slice(0, 4)}:${requestId.slice(4, 8)}:${requestId.slice(8, 15)}:${requestId.slice(15, 22)}:${requestId.slice(22, 30)}`,
    'x-github-api-version-selected': '2022-11-28',
    'x-github-media-type': 'github.v3; format=json',
    'x-ratelimit-limit': String(RATE_LIMIT),
    'x-ratelimit-remaining': String(Math.max(0, RATE_LIMIT - state.rateLimitUsed)),
    'x-ratelimit-reset': String(state.rateLimitReset),
    'x-ratelimit-used': String(state.rateLimitUsed),
    'x-ratelimit-resource': 'core'
  }
}

function send(res: ServerResponse, state: DoubleState, reply: Reply): void {
  const headers: Record<string, string> = standardHeaders(state)
  let text = ''
  if (reply.status !== 204 && reply.body !== undefined) {
    headers['content-type'] = 'application/json; charset=utf-8'
    text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body)
  }
  res.writeHead(reply.status, { ...headers, ...reply.headers })
  res.end(text)
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

function takeFault(
  state: DoubleState,
  method: string,
  paths: readonly string[],
  full: string
): Fault | undefined {
  const entry = state.faults.find(({ fault }) => {
    if (fault.method !== undefined && fault.method.toUpperCase() !== method) return false
    if (fault.path === undefined) return true
    return typeof fault.path === 'string'
      ? paths.includes(fault.path)
      : fault.path.test(full) || paths.some((path) => (fault.path as RegExp).test(path))
  })
  if (entry === undefined) return undefined
  entry.remaining -= 1
  if (entry.remaining <= 0) state.faults.splice(state.faults.indexOf(entry), 1)
  return entry.fault
}

function faultReply(fault: Fault): Reply {
  return {
    status: fault.status,
    body: fault.body ?? errorBody(fault.status, STATUS_CODES[fault.status] ?? 'Error', REST_DOCS),
    headers: fault.headers
  }
}

/** /repositories/{id}/… (the form GitHub's Link headers use) as /repos/{owner}/{repo}/…. */
function canonicalPath(state: DoubleState, pathname: string): string {
  const match = /^\/repositories\/(\d+)(\/.*)?$/.exec(pathname)
  if (match === null) return pathname
  const id = Number(match[1])
  for (const [fullName, known] of state.repositoryIds) {
    if (known === id) return `/repos/${fullName}${match[2] ?? ''}`
  }
  return pathname
}

function tokenOf(header: string | undefined): string | undefined {
  return /^(?:token|bearer)\s+(\S+)$/i.exec(header ?? '')?.[1]
}

function dispatch(state: DoubleState, req: IncomingMessage, text: string): Reply {
  const method = (req.method ?? 'GET').toUpperCase()
  const url = new URL(req.url ?? '/', state.base)
  const pathname = canonicalPath(state, decodeURI(url.pathname))
  const parsed = text === '' ? undefined : parseJson(text)
  state.requests.push({
    method,
    path: url.pathname + url.search,
    headers: req.headers,
    body: parsed === undefined ? undefined : parsed.ok ? parsed.value : text
  })

  const fault = takeFault(state, method, [url.pathname, pathname], url.pathname + url.search)
  if (fault !== undefined) return faultReply(fault)

  const token = tokenOf(req.headers.authorization)
  const permission = token === undefined ? undefined : state.tokens.get(token)
  if (permission === undefined) {
    return { status: 401, body: errorBody(401, 'Bad credentials', REST_DOCS) }
  }
  state.rateLimitUsed += 1

  for (const candidate of ROUTES) {
    const match = candidate.method === method ? candidate.pattern.exec(pathname) : null
    if (match === null) continue
    if (method !== 'GET' && permission === 'read') {
      return {
        status: 403,
        body: errorBody(403, 'Resource not accessible by integration', candidate.docs),
        headers: { 'x-accepted-github-permissions': candidate.permissions }
      }
    }
    if (parsed !== undefined && !parsed.ok) {
      return { status: 400, body: errorBody(400, 'Problems parsing JSON', candidate.docs) }
    }
    const body = parsed?.value
    try {
      return candidate.handle({
        state,
        params: { ...match.groups },
        query: url.searchParams,
        pathname,
        body: typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {},
        user: state.user
      })
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      return {
        status: error.status,
        body: errorBody(error.status, error.message, candidate.docs, error.errors)
      }
    }
  }
  return { status: 404, body: errorBody(404, 'Not Found', REST_DOCS) }
}

export async function startGitHubApiDouble(
  options: GitHubApiDoubleOptions = {}
): Promise<GitHubApiDouble> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const state: DoubleState = {
    base: `http://127.0.0.1:${port}`,
    user: { ...GITHUB_ACTIONS_BOT, ...options.user },
    tokens: new Map(
      Object.entries(options.tokens ?? { [WRITE_TOKEN]: 'write', [READ_TOKEN]: 'read' })
    ),
    requests: [],
    comments: [],
    deployments: [],
    pullRequests: [],
    faults: [],
    repositoryIds: new Map(),
    users: new Map(),
    refs: new Map(),
    // Above 2^31, as real ids are, and apart per kind so a mixed-up id is a 404.
    ids: {
      comment: 2_300_000_000,
      deployment: 3_400_000_000,
      status: 4_500_000_000,
      repository: 700_000_000
    },
    rateLimitUsed: 0,
    rateLimitReset: Math.floor(Date.now() / 1000) + 3600
  }
  for (const seed of options.pullRequests ?? []) addPullRequest(state, seed)

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    readText(req)
      .then((text) => {
        send(res, state, dispatch(state, req, text))
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error)
        send(res, state, {
          status: 500,
          body: errorBody(500, `Double failed: ${message}`, REST_DOCS)
        })
      })
  })

  return {
    url: state.base,
    requests: state.requests,
    comments: state.comments,
    deployments: state.deployments,
    pullRequests: state.pullRequests,
    failNext(fault) {
      state.faults.push({ fault, remaining: fault.times ?? 1 })
    },
    seedComments(owner, repo, issueNumber, count, seedOptions = {}) {
      const user = userNamed(state, seedOptions.author ?? 'octocat')
      const now = timestamp()
      return Array.from({ length: count }, (_, index) => {
        const comment: StoredComment = {
          id: ++state.ids.comment,
          owner,
          repo,
          issueNumber,
          body: `${seedOptions.bodyPrefix ?? 'Comment'} ${index + 1}`,
          user,
          createdAt: now,
          updatedAt: now
        }
        state.comments.push(comment)
        return comment
      })
    },
    addPullRequest(seed) {
      return addPullRequest(state, seed)
    },
    setRef(owner, repo, ref, sha) {
      state.refs.set(`${owner}/${repo}:${ref}`, sha)
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
