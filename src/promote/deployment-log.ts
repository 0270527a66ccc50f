// The promotion's GitHub side: deployment records and the environment's history.
import * as core from '../runner/core.js'
import { getErrorMessage } from '../errors.js'
import type { RunContext } from '../github/context.js'
import { restDeploymentHistory, type DeploymentHistory } from '../github/deployment-history.js'
import { GitHubRest } from '../github/rest.js'
import {
  environmentHistory,
  finishDeployment,
  PAYLOAD_TOOL,
  previousDigest,
  startDeployment,
  type PreviousLookup
} from '../github/deployments.js'
import { untrustedText } from '../log/untrusted-text.js'
import type { Digest, Tag } from '../registry/reference.js'

export interface PromotionRecord {
  readonly image: string
  readonly digest: Digest
  readonly source: string
  /** What the first target held before; '' when it was new. */
  readonly previousDigest: Digest | ''
  readonly targets: readonly Tag[]
}

export interface DeploymentLog {
  /**
   * Records the promotion as started; undefined when not recorded. Never rejects. `over` tells
   * whether the promotion has ended meanwhile (then it is not marked in progress).
   */
  start(promotion: PromotionRecord, over?: () => boolean): Promise<number | undefined>
  finish(
    deploymentId: number | undefined,
    state: 'success' | 'failure',
    description: string
  ): Promise<void>
  previous(current: Digest): Promise<PreviousLookup>
}

export interface DeploymentLogOptions {
  readonly token: string
  readonly record: boolean
  readonly environment: string
  readonly image: string
}

/**
 * GitHub failures while recording never undo or repeat the registry work: they become warnings.
 * Reading the history for a rollback is different: without it there is no safe answer.
 */
export function githubDeploymentLog(
  run: RunContext,
  options: DeploymentLogOptions,
  openHistory: () => Promise<DeploymentHistory> = () =>
    Promise.resolve(
      restDeploymentHistory(new GitHubRest(options.token, run.apiUrl), {
        owner: run.owner,
        repo: run.repo
      })
    )
): DeploymentLog {
  let opened: Promise<DeploymentHistory> | undefined
  const history = (): Promise<DeploymentHistory> => (opened ??= openHistory())
  return {
    async start(promotion, over) {
      if (!options.record) return undefined
      if (options.token === '') {
        core.warning('No github-token: the promotion is not recorded as a deployment.')
        return undefined
      }
      try {
        const id = await startDeployment(
          await history(),
          {
            ref: run.eventSha,
            environment: options.environment,
            logUrl: run.runUrl,
            payload: {
              tool: PAYLOAD_TOOL,
              image: promotion.image,
              digest: promotion.digest,
              source: promotion.source,
              previous_digest: promotion.previousDigest,
              targets: promotion.targets,
              actor: run.actor,
              run_url: run.runUrl
            }
          },
          over
        )
        core.info(`Recorded as deployment ${untrustedText(id)} of ${options.environment}.`)
        return id
      } catch (error) {
        core.warning(
          `Could not record the deployment of ${options.environment}: ${getErrorMessage(error)}`
        )
        return undefined
      }
    },
    async finish(deploymentId, state, description) {
      if (deploymentId === undefined || options.token === '') return
      try {
        await finishDeployment(await history(), deploymentId, {
          state,
          logUrl: run.runUrl,
          description
        })
      } catch (error) {
        core.warning(
          `Could not set deployment ${deploymentId} to ${state}: ${getErrorMessage(error)}`
        )
      }
    },
    async previous(current) {
      if (options.token === '') {
        return { found: false, reason: 'no github-token to read the deployment history with' }
      }
      return previousDigest(
        current,
        environmentHistory(await history(), options.environment, options.image)
      )
    }
  }
}
