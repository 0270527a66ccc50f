// The facts of the workflow run the actions need, read from the runner's environment and event.
import { readFileSync } from 'node:fs'

export interface PullRequestFacts {
  readonly number: number
  readonly headSha: string
  readonly headRef: string
  /** The head lives in a fork: its token is read-only and secrets are withheld. */
  readonly fromFork: boolean
}

export interface RunContext {
  readonly owner: string
  readonly repo: string
  readonly eventName: string
  /** GITHUB_SHA: on pull_request, a merge commit that exists nowhere else. */
  readonly eventSha: string
  /** The time of the event's commit when the payload carries one. */
  readonly eventCommitTime: string | undefined
  readonly pullRequest: PullRequestFacts | undefined
  readonly serverUrl: string
  readonly apiUrl: string
  readonly repositoryUrl: string
  readonly runUrl: string
  readonly actor: string
}

interface EventPayload {
  pull_request?: {
    number?: number
    head?: { sha?: string; ref?: string; repo?: { full_name?: string; fork?: boolean } | null }
    base?: { repo?: { full_name?: string } }
  }
  head_commit?: { timestamp?: string } | null
}

export function readEventPayload(path: string | undefined): EventPayload {
  if (path === undefined || path === '') return {}
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as EventPayload
  } catch {
    return {}
  }
}

export function runContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const payload = readEventPayload(env.GITHUB_EVENT_PATH)
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com'
  const repositoryUrl = `${serverUrl}/${owner}/${repo}`
  return {
    owner,
    repo,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    eventSha: env.GITHUB_SHA ?? '',
    eventCommitTime: payload.head_commit?.timestamp ?? undefined,
    pullRequest: pullRequestFacts(payload),
    serverUrl,
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    repositoryUrl,
    runUrl: `${repositoryUrl}/actions/runs/${env.GITHUB_RUN_ID ?? ''}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''}`,
    actor: env.GITHUB_ACTOR ?? ''
  }
}

function pullRequestFacts(payload: EventPayload): PullRequestFacts | undefined {
  const pr = payload.pull_request
  if (pr?.number === undefined || pr.head?.sha === undefined) return undefined
  const headRepo = pr.head.repo?.full_name
  const baseRepo = pr.base?.repo?.full_name
  return {
    number: pr.number,
    headSha: pr.head.sha,
    headRef: pr.head.ref ?? '',
    fromFork:
      pr.head.repo?.fork === true ||
      (headRepo !== undefined && baseRepo !== undefined && headRepo !== baseRepo)
  }
}
