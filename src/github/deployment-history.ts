// An environment's GitHub deployments, as promotion records and reads them, and its Octokit adapter.
import type { Octokit } from './octokit.js'
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

export function octokitDeploymentHistory(
  octokit: Octokit,
  repository: RepositoryId
): DeploymentHistory {
  return {
    async *list(environment) {
      const pages = octokit.paginate.iterator(octokit.rest.repos.listDeployments, {
        ...repository,
        environment,
        per_page: 100
      })
      for await (const page of pages) {
        for (const deployment of page.data) yield { id: deployment.id, payload: deployment.payload }
      }
    },
    async latestState(deploymentId) {
      const { data } = await withGitHubRetry(() =>
        octokit.rest.repos.listDeploymentStatuses({
          ...repository,
          deployment_id: deploymentId,
          per_page: 1
        })
      )
      return data[0]?.state ?? 'pending'
    },
    async create(deployment) {
      const { data } = await withGitHubCreateRetry(() =>
        octokit.rest.repos.createDeployment({
          ...repository,
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
      if (!('id' in data)) {
        throw new Error(
          `GitHub did not create the deployment: ${data.message ?? 'no reason given'}`
        )
      }
      return data.id
    },
    async setStatus(deploymentId, status) {
      await withGitHubRetry(() =>
        octokit.rest.repos.createDeploymentStatus({
          ...repository,
          deployment_id: deploymentId,
          state: status.state,
          log_url: status.logUrl,
          ...(status.description === undefined ? {} : { description: status.description }),
          ...(status.autoInactive === undefined ? {} : { auto_inactive: status.autoInactive })
        })
      )
    }
  }
}
