// An environment's GitHub deployments, as promotion records and reads them, over the REST client.
import type { GitHubRest } from './rest.js'
import { withGitHubCreateRetry, withGitHubRetry } from './retry.js'

export interface DeploymentRecord {
  readonly id: number
  /** Whatever the deployment's creator wrote: untrusted until read with readPayload. */
  readonly payload: unknown
}

export interface NewDeployment {
  readonly ref: string
  readonly environment: string
  readonly payload: Readonly<Record<string, unknown>>
  readonly description: string
  readonly production: boolean
}

export interface DeploymentStatus {
  readonly state: 'in_progress' | 'success' | 'failure'
  readonly logUrl: string
  readonly description?: string
  /** Marks the environment's earlier successful deployments inactive. */
  readonly autoInactive?: boolean
}

/** One repository's deployments. */
export interface DeploymentHistory {
  /** The environment's deployments, newest first, across all pages. */
  list(environment: string): AsyncIterable<DeploymentRecord>
  /** The state of the deployment's latest status; 'pending' when it has none. */
  latestState(deploymentId: number): Promise<string>
  /** Creates a deployment and returns its id; never repeated when GitHub may have acted on it. */
  create(deployment: NewDeployment): Promise<number>
  setStatus(deploymentId: number, status: DeploymentStatus): Promise<void>
}

export interface RepositoryId {
  readonly owner: string
  readonly repo: string
}

/** The few fields of GitHub's answers we read, checked before use: the answers are untrusted. */
function idOf(value: unknown, what: string): number {
  const id = (value as { id?: unknown } | null)?.id
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
    throw new Error(`GitHub's answer to ${what} carries no deployment id`)
  }
  return id
}

export function restDeploymentHistory(
  rest: GitHubRest,
  repository: RepositoryId
): DeploymentHistory {
  const deployments = `repos/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.repo)}/deployments`
  return {
    async *list(environment) {
      const first = rest.url(deployments, { environment, per_page: 100 })
      for await (const page of rest.pages(first)) {
        for (const deployment of page) {
          yield {
            id: idOf(deployment, 'the deployments list'),
            payload: (deployment as { payload?: unknown }).payload
          }
        }
      }
    },
    async latestState(deploymentId) {
      const url = rest.url(`${deployments}/${deploymentId}/statuses`, { per_page: 1 })
      const { data } = await withGitHubRetry(() => rest.request('GET', url))
      const state = Array.isArray(data)
        ? (data[0] as { state?: unknown } | undefined)?.state
        : undefined
      return typeof state === 'string' ? state : 'pending'
    },
    async create(deployment) {
      const { data } = await withGitHubCreateRetry(() =>
        rest.request('POST', rest.url(deployments), {
          ref: deployment.ref,
          environment: deployment.environment,
          task: 'deploy',
          auto_merge: false,
          required_contexts: [],
          payload: { ...deployment.payload },
          description: deployment.description,
          transient_environment: false,
          production_environment: deployment.production
        })
      )
      return idOf(data, 'the deployment created')
    },
    async setStatus(deploymentId, status) {
      await withGitHubRetry(() =>
        rest.request('POST', rest.url(`${deployments}/${deploymentId}/statuses`), {
          state: status.state,
          log_url: status.logUrl,
          ...(status.description === undefined ? {} : { description: status.description }),
          ...(status.autoInactive === undefined ? {} : { auto_inactive: status.autoInactive })
        })
      )
    }
  }
}
