// One merge: inspect every digest, refuse what is wrong, then put the index under the SHA tag and the tags.
import * as core from '../runner/core.js'
import { ActionError } from '../errors.js'
import { untrustedText } from '../log/untrusted-text.js'
import { shaTag } from '../pipeline/revision.js'
import { retag } from '../promote/retag.js'
import { formatPlatform } from '../registry/platform.js'
import { parseTag, type Digest, type Tag } from '../registry/reference.js'
import type { ImageRepository } from '../registry/repository.js'
import type { MergeSettings } from '../settings/merge.js'
import { imageIndex } from './image-index.js'
import { checkMerge } from './merge-check.js'
import { inspectDigest } from './platform-image.js'

export interface MergedPlatform {
  readonly platform: string
  readonly digest: Digest
}

export interface MergeResult {
  readonly image: string
  readonly sha: string
  readonly shaTag: Tag
  /** The index's digest; undefined when the merge was refused. */
  readonly digest: Digest | undefined
  /** Every reference that now names the index, the SHA tag first. */
  readonly tags: readonly string[]
  readonly platforms: readonly MergedPlatform[]
  /** One line per refused digest. */
  readonly problems: readonly string[]
}

/** Throws a MergeRefusal, carrying the result to report, when any digest is refused. */
export class MergeRefusal extends ActionError {
  constructor(readonly result: MergeResult) {
    super(`Input 'digests': ${result.problems.length} refused (see above): no tag was written`)
    this.name = 'MergeRefusal'
  }
}

export async function merge(
  settings: MergeSettings,
  sha: string,
  registry: ImageRepository
): Promise<MergeResult> {
  const image = registry.name
  const tag = parseTag(shaTag(sha, settings.shaFormat))
  const inspected = await Promise.all(
    settings.digests.map((digest) => inspectDigest(registry.client, registry.image.path, digest))
  )
  const { images, problems } = checkMerge(inspected, sha, image)
  const platforms = images.map((platformImage) => ({
    platform: formatPlatform(platformImage.platform),
    digest: platformImage.digest
  }))
  const base = { image, sha, shaTag: tag, platforms }
  if (problems.length > 0) {
    for (const problem of problems) core.error(problem)
    throw new MergeRefusal({ ...base, digest: undefined, tags: [], problems })
  }
  const index = imageIndex(images)
  const targets = [tag, ...settings.extraTags.filter((extra) => extra !== tag)]
  core.info(
    `Joining ${platforms.map((entry) => entry.platform).join(', ')} into ${image}@${index.digest}`
  )
  const states = await Promise.all(
    targets.map(async (target) => ({ tag: target, before: await registry.resolve(target) }))
  )
  for (const state of states) {
    if (state.before !== undefined && state.before.digest !== index.digest) {
      core.info(`${state.tag} held ${untrustedText(state.before.digest)}: it moves to the index.`)
    }
  }
  await retag(registry, index, states)
  return {
    ...base,
    digest: index.digest,
    tags: targets.map((target) => `${image}:${target}`),
    problems: []
  }
}
