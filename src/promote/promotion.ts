// One promotion: resolve the source to a digest, move the target tags to it, record it as a deployment.
import * as core from '../runner/core.js'
import { ActionError } from '../errors.js'
import type { RunContext } from '../github/context.js'
import type { Manifest } from '../registry/client.js'
import { loadHashingWhileWaiting } from '../registry/digest.js'
import { isDigest, type Digest, type Tag } from '../registry/reference.js'
import { isAttestationManifest, settledTag } from '../registry/settled-tag.js'
import type { ManifestStore } from '../registry/repository.js'
import type { PromoteSettings, Source } from '../settings/promote.js'
import type { DeploymentLog } from './deployment-log.js'
import { retag, type TargetState } from './retag.js'
import { untrustedText } from '../log/untrusted-text.js'

export interface PromotionResult {
  readonly image: string
  readonly digest: Digest
  /** What the first target held before; '' when it was new. */
  readonly previousDigest: Digest | ''
  readonly source: string
  readonly moved: readonly Tag[]
  readonly unchanged: readonly Tag[]
  readonly deploymentId: number | undefined
}

export function describeSource(source: Source): string {
  switch (source.kind) {
    case 'tag':
      return source.tag
    case 'digest':
      return source.digest
    case 'previous':
      return 'previous'
  }
}

export async function promote(
  settings: PromoteSettings,
  run: RunContext,
  registry: ManifestStore,
  log: DeploymentLog
): Promise<PromotionResult> {
  const image = registry.name
  const resolving: Promise<TargetState[]> = Promise.all(
    settings.targets.map(async (tag) => ({ tag, before: await registry.resolve(tag) }))
  )
  // A tag or digest source is asked for while the targets resolve, one round trip for both; a
  // rollback must know what the first target holds before it can look up what came before.
  const fetching =
    settings.source.kind === 'previous'
      ? resolving.then((resolved) =>
          rollbackManifest(settings, registry, log, resolved[0]?.before?.digest ?? '')
        )
      : fetchOrFail(
          registry,
          settings.source.kind === 'tag' ? settings.source.tag : settings.source.digest
        )
  loadHashingWhileWaiting()
  const [targets, manifest] = await Promise.all([resolving, fetching])
  const previousDigest = targets[0]?.before?.digest ?? ''
  const source = describeSource(settings.source)
  core.info(
    `Promoting ${image}@${untrustedText(manifest.digest)} (${source}) to ${settings.targets.join(', ')}`
  )

  // The deployment is created while the tags move: its round trips to GitHub overlap the registry's.
  // DeploymentLog.start never rejects (GitHub's failures become warnings): left unawaited meanwhile,
  // it cannot become an unhandled rejection.
  let retagEnded = false
  const starting = log.start(
    {
      image,
      digest: manifest.digest,
      source: settings.source.kind === 'previous' ? `previous (${manifest.digest})` : source,
      previousDigest,
      targets: settings.targets
    },
    () => retagEnded
  )
  let result
  try {
    result = await retag(registry, manifest, targets).finally(() => {
      retagEnded = true
    })
  } catch (error) {
    await log.finish(await starting, 'failure', `promotion of ${manifest.digest} failed`)
    throw error
  }
  const deploymentId = await starting
  await log.finish(deploymentId, 'success', `${settings.targets.join(', ')} → ${manifest.digest}`)
  return { image, digest: manifest.digest, previousDigest, source, ...result, deploymentId }
}

async function rollbackManifest(
  settings: PromoteSettings,
  registry: ManifestStore,
  log: DeploymentLog,
  current: Digest | ''
): Promise<Manifest> {
  const image = registry.name
  const target = settings.targets[0] ?? ''
  if (current === '') {
    throw new ActionError(`${image}:${target} does not exist: there is nothing to roll back`)
  }
  const previous = await log.previous(current)
  if (!previous.found) {
    throw new ActionError(
      `cannot tell what ${settings.environment} ran before ${current}: ${previous.reason}. Name a tag or digest to roll back to`
    )
  }
  core.info(
    `${settings.environment} ran ${untrustedText(previous.digest)} before ${untrustedText(current)} (deployment ${untrustedText(previous.deploymentId)}).`
  )
  return fetchOrFail(registry, previous.digest)
}

async function fetchOrFail(registry: ManifestStore, reference: Tag | Digest): Promise<Manifest> {
  let manifest = await registry.fetch(reference)
  if (manifest !== undefined && isAttestationManifest(manifest)) {
    // A tag read while a docker push under it is halfway may name the index's attestation.
    if (!isDigest(reference)) manifest = await settledTag(manifest, () => registry.fetch(reference))
    if (manifest !== undefined && isAttestationManifest(manifest)) {
      throw new ActionError(
        `source '${reference}' in ${registry.name} is an attestation manifest, not an image: nothing was changed`
      )
    }
  }
  if (manifest === undefined) {
    throw new ActionError(
      `source '${reference}' was not found in ${registry.name}: nothing was changed`
    )
  }
  return manifest
}
