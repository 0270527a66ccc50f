// Pushes the tested image under its SHA tag, checks the registry's digest, then adds the extra tags.
import * as core from '../runner/core.js'
import { lastLine, type Docker } from '../docker/docker.js'
import type { PushResult } from '../docker/engine-push.js'
import { ActionError } from '../errors.js'
import { registryText } from '../registry/errors.js'
import {
  formatReference,
  repositoryName,
  sameRepository,
  type Digest,
  type ImageReference,
  type Repository,
  type Tag
} from '../registry/reference.js'
import type { ManifestDescriptor } from '../registry/client.js'
import type { ImageRepository } from '../registry/repository.js'
import { untrustedText } from '../log/untrusted-text.js'
import { settledTag } from '../registry/settled-tag.js'

export interface ShaTagPush {
  /** What the registry holds under the SHA tag right after the push. */
  readonly digest: Digest
  /** The registry's look-up of the SHA tag: digest, media type, size. */
  readonly manifest: ManifestDescriptor
  /** False when a concurrent run of the same commit pushed over ours: the registry's is kept. */
  readonly ours: boolean
}

export async function pushShaTag(
  docker: Docker,
  registry: ImageRepository,
  image: Repository,
  tag: Tag
): Promise<ShaTagPush> {
  const reference = `${repositoryName(image)}:${tag}`
  const push = (): Promise<PushResult> => docker.push(repositoryName(image), tag, image.registry)
  let pushed = await push()
  if (pushed.exitCode !== 0 && isPushWorthRepeating(pushed.stderr || pushed.stdout)) {
    core.info(
      `the push failed (${registryText(lastLine(pushed.stderr || pushed.stdout))}): pushing once more`
    )
    pushed = await push()
  }
  if (pushed.exitCode !== 0) {
    throw new ActionError(
      `pushing ${reference} failed: ${pushFailure(pushed.stderr || pushed.stdout, image.registry)}`
    )
  }
  const reported = pushed.digest
  const answer = await registry.resolve(tag)
  // Not ours: another run's push under the tag may be halfway, its lone manifests before its index.
  const descriptor =
    reported === undefined || answer?.digest === reported
      ? answer
      : await settledTag(answer, () => registry.resolve(tag))
  if (descriptor === undefined) {
    throw new ActionError(`the registry does not list ${reference} right after the push`)
  }
  return {
    digest: descriptor.digest,
    manifest: descriptor,
    ours: reported === undefined || reported === descriptor.digest
  }
}

/**
 * A 5xx from the registry, e.g. while another run writes the same tag: containerd's pusher asks for
 * the tag first, and docker push does not retry.
 */
export function isRegistryServerError(output: string): boolean {
  return /\b5\d\d (Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)\b/.test(
    lastLine(output)
  )
}

/**
 * What one more push mends: a 5xx, or the registry refusing the index for children it lacks, which
 * another run's push of the same commit from the same engine causes now and then (containerd's
 * pusher decides what the registry holds by what the tag names).
 */
export function isPushWorthRepeating(output: string): boolean {
  return (
    isRegistryServerError(output) ||
    /references to blobs and\/or manifests are missing in your target registry/.test(
      lastLine(output)
    )
  )
}

/** The last line docker printed, which often quotes the registry: made one safe, capped line. */
function pushFailure(output: string, registry: string): string {
  const line = registryText(
    output
      .split('\n')
      .map((text) => text.trim())
      .filter((text) => text !== '')
      .at(-1) ?? 'no output'
  )
  if (/unauthorized|authentication required|denied/i.test(line)) {
    return `authentication failed for registry ${registry} (${line})`
  }
  return line
}

/**
 * Puts the SHA tag's manifest under each extra tag: in the same repository as a pointer change
 * (no layer moves), elsewhere with `docker push` of the same local image. Each tag is appended to
 * `pushed` as soon as it is in place, so a failure part-way still knows which are.
 */
export async function pushExtraTags(
  docker: () => Promise<Docker>,
  registry: ImageRepository,
  image: Repository,
  shaTag: Tag,
  digest: Digest,
  extraTags: readonly ImageReference[],
  localImage: string | undefined,
  pushed: string[] = []
): Promise<string[]> {
  const sameRepositoryTags = extraTags.filter((reference) =>
    sameRepository(reference.repository, image)
  )
  if (sameRepositoryTags.length > 0) {
    const manifest = await registry.fetch(digest)
    if (manifest === undefined)
      throw new ActionError(`${repositoryName(image)}@${digest} vanished from the registry`)
    for (const reference of sameRepositoryTags) {
      await registry.put(reference.tag ?? shaTag, manifest)
      core.info(`Tagged ${formatReference(reference)} → ${untrustedText(digest)}`)
      pushed.push(formatReference(reference))
    }
  }
  const elsewhere = extraTags.filter((candidate) => !sameRepository(candidate.repository, image))
  for (const reference of elsewhere) {
    const target = formatReference(reference)
    const source = localImage ?? `${repositoryName(image)}@${digest}`
    const client = await docker()
    if (localImage === undefined) await client.run(['pull', source])
    await client.run(['tag', source, target], { silent: true })
    const result = await client.push(
      repositoryName(reference.repository),
      reference.tag ?? shaTag,
      reference.repository.registry
    )
    if (result.exitCode !== 0) {
      throw new ActionError(
        `pushing ${target} failed: ${pushFailure(result.stderr || result.stdout, reference.repository.registry)}`
      )
    }
    pushed.push(target)
  }
  return pushed
}
