// The promotion's GitHub side: deployment records and the environment's history.
import * as core from '@actions/core'
import { getErrorMessage } from '../errors.js'
import type { RunContext } from '../github/context.js'
import { createOctokit, type Octokit } from '../github/octokit.js'
import {
  environmentHistory,
  finishDeployment,
  PAYLOAD_TOOL,
  previousDigest,
  startDeployment,
  type PreviousLookup
} from '../github/deployments.js'
import { untrustedText } from '../log/untrusted-text.js'

export interface PromotionRecord {
  readonly image: string
  readonly digest: string
  readonly source: string
  readonly previousDigest: string
  readonly targets: readonly string[]
}

export interface DeploymentLog {
  /** Records the promotion as started; undefined when not recorded. */
  start(promotion: PromotionRecord): Promise<number | undefined>
  finish(
    deploymentId: number | undefined,
    state: 'success' | 'failure',
    description: string
  ): Promise<void>
  previous(current: string): Promise<PreviousLookup>
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
export function githubDeploymentLog(run: RunContext, options: DeploymentLogOptions): DeploymentLog {
  let client: Promise<Octokit> | undefined
  const octokit = (): Promise<Octokit> => (client ??= createOctokit(options.token, run.apiUrl))
  const repository = { owner: run.owner, repo: run.repo }
  return {
    async start(promotion) {
      if (!options.record) return undefined
      if (options.token === '') {
        core.warning('No github-token: the promotion is not recorded as a deployment.')
        return undefined
      }
      try {
        const id = await startDeployment(await octokit(), repository, {
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
        })
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
        await finishDeployment(await octokit(), repository, deploymentId, {
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
        environmentHistory(await octokit(), repository, options.environment, options.image)
      )
    }
  }
}
