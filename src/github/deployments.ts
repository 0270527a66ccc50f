// Promotions recorded as GitHub deployments, so the repository's Environments page is the history.
import * as core from '../runner/core.js'
import { isDigest, parseDigest, type Digest } from '../registry/reference.js'
import type { DeploymentHistory } from './deployment-history.js'

export const PAYLOAD_TOOL = 'immutable-image'

/** What each deployment we create carries in its payload. */
export interface PromotionPayload {
  readonly tool: typeof PAYLOAD_TOOL
  readonly image: string
  readonly digest: string
  readonly source: string
  /** What the first target pointed at before; '' when it was new. */
  readonly previous_digest: string
  readonly targets: readonly string[]
  readonly actor: string
  readonly run_url: string
}

export interface HistoryEntry {
  readonly deploymentId: number
  readonly payload: PromotionPayload
  /** The latest status: success, inactive (a success since superseded), failure, in_progress… */
  readonly state: string
}

/**
 * Creates the deployment and marks it in progress, unless `over()` says the promotion has already
 * ended by the time GitHub answered: its final status then follows the create straight away, one
 * round trip fewer, and the deployment never shows as running after it has finished.
 */
export async function startDeployment(
  history: DeploymentHistory,
  deployment: { ref: string; environment: string; payload: PromotionPayload; logUrl: string },
  over: () => boolean = () => false
): Promise<number> {
  const id = await history.create({
    ref: deployment.ref,
    environment: deployment.environment,
    payload: { ...deployment.payload },
    description: `${deployment.payload.image}@${deployment.payload.digest}`.slice(0, 140),
    production: /^prod(uction)?$/i.test(deployment.environment)
  })
  if (!over()) await history.setStatus(id, { state: 'in_progress', logUrl: deployment.logUrl })
  return id
}

export async function finishDeployment(
  history: DeploymentHistory,
  deploymentId: number,
  outcome: { state: 'success' | 'failure'; logUrl: string; description: string }
): Promise<void> {
  await history.setStatus(deploymentId, {
    state: outcome.state,
    logUrl: outcome.logUrl,
    description: outcome.description.slice(0, 140),
    autoInactive: true
  })
}

/** What a deployment's payload turned out to be: ours, someone else's, or ours in name but forged. */
export type PayloadReading =
  | { readonly kind: 'ours'; readonly payload: PromotionPayload }
  | { readonly kind: 'other' }
  | { readonly kind: 'invalid'; readonly problem: string }

const SHOWN_VALUE_CHARS = 40

/**
 * Anyone with `deployments: write` can write a payload: a digest read back from one is used in a
 * registry URL and printed, so it must be a digest (not `../other/app/manifests/latest`, not text
 * with newlines) before anything uses it.
 */
export function readPayload(value: unknown, image: string): PayloadReading {
  if (typeof value !== 'object' || value === null) return { kind: 'other' }
  const payload = value as Record<string, unknown>
  if (payload.tool !== PAYLOAD_TOOL || payload.image !== image) return { kind: 'other' }
  if (!isDigestText(payload.digest)) {
    return { kind: 'invalid', problem: `its digest ${shown(payload.digest)} is not a digest` }
  }
  if (payload.previous_digest !== '' && !isDigestText(payload.previous_digest)) {
    return {
      kind: 'invalid',
      problem: `its previous_digest ${shown(payload.previous_digest)} is not a digest`
    }
  }
  return { kind: 'ours', payload: payload as unknown as PromotionPayload }
}

function isDigestText(value: unknown): value is string {
  return typeof value === 'string' && isDigest(value)
}

/** An untrusted value quoted on one line and capped, for a warning. */
function shown(value: unknown): string {
  const text = value === undefined ? '(none)' : JSON.stringify(value)
  return text.length > SHOWN_VALUE_CHARS ? `${text.slice(0, SHOWN_VALUE_CHARS)}…` : text
}

/** Our deployments of one image to one environment, newest first, each with its latest status. */
export async function* environmentHistory(
  history: DeploymentHistory,
  environment: string,
  image: string
): AsyncGenerator<HistoryEntry> {
  for await (const deployment of history.list(environment)) {
    const reading = readPayload(deployment.payload, image)
    if (reading.kind === 'other') continue
    if (reading.kind === 'invalid') {
      core.warning(`Skipped deployment ${deployment.id} of ${environment}: ${reading.problem}.`)
      continue
    }
    const state = await history.latestState(deployment.id)
    yield { deploymentId: deployment.id, payload: reading.payload, state }
  }
}

/** A deployment that went live: still live (success) or since superseded (inactive). */
function wentLive(entry: HistoryEntry): boolean {
  return entry.state === 'success' || entry.state === 'inactive'
}

export type PreviousLookup =
  | { readonly found: true; readonly digest: Digest; readonly deploymentId: number }
  | { readonly found: false; readonly reason: string }

/**
 * The digest the environment held before the deployment that put `current` there, as
 * `kubectl rollout undo` does: a rollback records the digest it replaced, so a second one flips back.
 */
export async function previousDigest(
  current: string,
  history: AsyncIterable<HistoryEntry>
): Promise<PreviousLookup> {
  for await (const entry of history) {
    if (!wentLive(entry) || entry.payload.digest !== current) continue
    if (entry.payload.previous_digest === '') {
      return {
        found: false,
        reason: `deployment ${entry.deploymentId} put ${current} there first: nothing came before it`
      }
    }
    return {
      found: true,
      digest: parseDigest(entry.payload.previous_digest),
      deploymentId: entry.deploymentId
    }
  }
  return {
    found: false,
    reason: `no successful deployment in the history put the current ${current} there`
  }
}
