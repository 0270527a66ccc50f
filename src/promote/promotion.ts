// One promotion: resolve the source to a digest, move the target tags to it, record it as a deployment.
import * as core from '@actions/core'
import { ActionError } from '../errors.js'
import type { RunContext } from '../github/context.js'
import type { Manifest, RegistryClient } from '../registry/client.js'
import { repositoryName } from '../registry/reference.js'
import type { PromoteSettings, Source } from '../settings/promote.js'
import type { DeploymentLog } from './deployment-log.js'
import { retag, type TargetState } from './retag.js'
import { untrustedText } from '../log/untrusted-text.js'

export interface PromotionResult {
  readonly image: string
  readonly digest: string
  readonly previousDigest: string
  readonly source: string
  readonly moved: readonly string[]
  readonly unchanged: readonly string[]
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
  registry: RegistryClient,
  log: DeploymentLog
): Promise<PromotionResult> {
  const path = settings.image.path
  const image = repositoryName(settings.image)
  const targets: TargetState[] = await Promise.all(
    settings.targets.map(async (tag) => ({ tag, before: await registry.resolve(path, tag) }))
  )
  const previousDigest = targets[0]?.before?.digest ?? ''
  const manifest = await sourceManifest(settings, registry, log, previousDigest)
  const source = describeSource(settings.source)
  core.info(
    `Promoting ${image}@${untrustedText(manifest.digest)} (${source}) to ${settings.targets.join(', ')}`
  )

  const deploymentId = await log.start({
    image,
    digest: manifest.digest,
    source: settings.source.kind === 'previous' ? `previous (${manifest.digest})` : source,
    previousDigest,
    targets: settings.targets
  })
  let result
  try {
    result = await retag(registry, path, manifest, targets)
  } catch (error) {
    await log.finish(deploymentId, 'failure', `promotion of ${manifest.digest} failed`)
    throw error
  }
  await log.finish(deploymentId, 'success', `${settings.targets.join(', ')} → ${manifest.digest}`)
  return { image, digest: manifest.digest, previousDigest, source, ...result, deploymentId }
}

async function sourceManifest(
  settings: PromoteSettings,
  registry: RegistryClient,
  log: DeploymentLog,
  current: string
): Promise<Manifest> {
  const image = repositoryName(settings.image)
  const { source } = settings
  if (source.kind === 'previous') {
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
    return fetchOrFail(registry, settings, previous.digest)
  }
  return fetchOrFail(registry, settings, source.kind === 'tag' ? source.tag : source.digest)
}

async function fetchOrFail(
  registry: RegistryClient,
  settings: PromoteSettings,
  reference: string
): Promise<Manifest> {
  const manifest = await registry.fetch(settings.image.path, reference)
  if (manifest === undefined) {
    throw new ActionError(
      `source '${reference}' was not found in ${repositoryName(settings.image)}: nothing was changed`
    )
  }
  return manifest
}
