// Webhook payloads as the runner writes them to GITHUB_EVENT_PATH, made from GitHub's own examples.
import { createHash } from 'node:crypto'
import pullRequestExample from '../fixtures/pull_request.synchronize.json' with { type: 'json' }
import pushExample from '../fixtures/push.json' with { type: 'json' }

// Who and what the examples (from @octokit/webhooks-examples) are about.
const EXAMPLE_REPOSITORY = 'Codertocat/Hello-World'
const EXAMPLE_LOGIN = 'Codertocat'
const EXAMPLE_USER_ID = '21031067'
const EXAMPLE_PULL_NUMBER = 2
const EXAMPLE_HEAD_SHA = pullRequestExample.pull_request.head.sha
const EXAMPLE_BASE_SHA = pullRequestExample.pull_request.base.sha
const EXAMPLE_PUSH_SHA = pushExample.after

type PullRequestExample = typeof pullRequestExample
type Repository = PullRequestExample['repository']
type User = PullRequestExample['sender']

export type PullRequestEvent = Omit<PullRequestExample, 'action' | 'before' | 'after'> & {
  action: 'opened' | 'synchronize'
  /** Only on synchronize: the head before and after the push. */
  before?: string
  after?: string
}

export type PushEvent = typeof pushExample

export interface PullRequestEventOptions {
  readonly owner: string
  readonly repo: string
  readonly number: number
  readonly headSha: string
  readonly headRef?: string
  readonly baseRef?: string
  readonly baseSha?: string
  /** The head branch is in the actor's fork, as for an outside contributor. */
  readonly fork?: boolean
  /** Who opened or pushed to the pull request; the owner, or a contributor for a fork. */
  readonly actor?: string
  readonly action?: 'opened' | 'synchronize'
}

export interface PushEventOptions {
  readonly owner: string
  readonly repo: string
  readonly sha: string
  /** Full ref, refs/heads/… or refs/tags/…. */
  readonly ref: string
  readonly actor?: string
  /** The head commit's time, ISO 8601. */
  readonly timestamp?: string
}

/** What to find, and what to put instead; a RegExp's first group is passed on. */
type Replacement = readonly [string | RegExp, (match: string, group: string) => string]

/** Rewrites every string (and number) in `value`, in order, keeping its shape. */
function retarget<T>(value: T, replacements: readonly Replacement[]): T {
  const text = replacements.reduce(
    (current, [from, to]) =>
      current.replaceAll(from, (match: string, group: unknown) =>
        JSON.stringify(to(match, typeof group === 'string' ? group : '')).slice(1, -1)
      ),
    JSON.stringify(value)
  )
  return JSON.parse(text) as T
}

function stableId(seed: string): number {
  return Number.parseInt(createHash('sha1').update(seed).digest('hex').slice(0, 7), 16)
}

function user(login: string): User {
  const id = stableId(`user:${login}`)
  return {
    ...retarget(pullRequestExample.sender, [
      [EXAMPLE_LOGIN, () => login],
      [EXAMPLE_USER_ID, () => String(id)]
    ]),
    id,
    node_id: Buffer.from(`04:User${id}`).toString('base64')
  }
}

function repository(owner: string, repo: string, fork: boolean): Repository {
  const id = stableId(`repository:${owner}/${repo}`)
  return {
    ...retarget(pullRequestExample.repository, [[EXAMPLE_REPOSITORY, () => `${owner}/${repo}`]]),
    id,
    node_id: Buffer.from(`010:Repository${id}`).toString('base64'),
    name: repo,
    owner: user(owner),
    fork
  }
}

/** A pull_request event, `synchronize` unless told `opened`. */
export function pullRequestEvent(options: PullRequestEventOptions): PullRequestEvent {
  const { owner, repo, number, headSha } = options
  const fork = options.fork ?? false
  const actor = options.actor ?? (fork ? 'octo-contributor' : owner)
  const headOwner = fork ? (actor === owner ? `${actor}-fork` : actor) : owner
  const headRef = options.headRef ?? pullRequestExample.pull_request.head.ref
  const baseRef = options.baseRef ?? pullRequestExample.pull_request.base.ref
  const baseSha = options.baseSha ?? EXAMPLE_BASE_SHA
  const example = retarget(pullRequestExample, [
    [
      new RegExp(`${EXAMPLE_REPOSITORY}/(pulls?|issues)/${EXAMPLE_PULL_NUMBER}\\b`, 'g'),
      (_, kind) => `${owner}/${repo}/${kind}/${number}`
    ],
    [EXAMPLE_REPOSITORY, () => `${owner}/${repo}`],
    [EXAMPLE_HEAD_SHA, () => headSha],
    [EXAMPLE_BASE_SHA, () => baseSha]
  ])
  const baseRepository = repository(owner, repo, false)
  return {
    action: options.action ?? 'synchronize',
    number,
    pull_request: {
      ...example.pull_request,
      id: stableId(`pull:${owner}/${repo}#${number}`),
      number,
      user: user(actor),
      assignees: [user(owner)],
      head: {
        ...example.pull_request.head,
        label: `${headOwner}:${headRef}`,
        ref: headRef,
        sha: headSha,
        user: user(headOwner),
        repo: fork ? repository(headOwner, repo, true) : baseRepository
      },
      base: {
        ...example.pull_request.base,
        label: `${owner}:${baseRef}`,
        ref: baseRef,
        sha: baseSha,
        user: user(owner),
        repo: baseRepository
      },
      author_association: fork ? 'CONTRIBUTOR' : 'OWNER'
    },
    ...(options.action === 'opened' ? {} : { before: example.before, after: headSha }),
    repository: baseRepository,
    installation: example.installation,
    sender: user(actor)
  }
}

/** A push event of one commit, `sha`, to `ref`. */
export function pushEvent(options: PushEventOptions): PushEvent {
  const { owner, repo, sha, ref } = options
  const actor = options.actor ?? owner
  const pusher = user(actor)
  const example = retarget(pushExample, [
    [EXAMPLE_REPOSITORY, () => `${owner}/${repo}`],
    [EXAMPLE_PUSH_SHA, () => sha],
    [EXAMPLE_LOGIN, () => actor],
    [EXAMPLE_USER_ID, () => String(pusher.id)]
  ])
  const ownerUser = user(owner)
  const headCommit = {
    ...example.head_commit,
    timestamp: options.timestamp ?? example.head_commit.timestamp
  }
  return {
    ...example,
    ref,
    after: sha,
    repository: {
      ...example.repository,
      id: stableId(`repository:${owner}/${repo}`),
      name: repo,
      owner: {
        name: owner,
        email: `${ownerUser.id}+${owner}@users.noreply.github.com`,
        ...ownerUser
      }
    },
    sender: pusher,
    commits: [headCommit],
    head_commit: headCommit
  }
}
