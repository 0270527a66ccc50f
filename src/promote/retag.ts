// Puts one manifest under several tags; if any put fails, puts back what the moved tags held.
import * as core from '../runner/core.js'
import { getErrorMessage } from '../errors.js'
import type { Manifest, ManifestDescriptor } from '../registry/client.js'
import type { Tag } from '../registry/reference.js'
import type { ManifestStore } from '../registry/repository.js'
import { untrustedText } from '../log/untrusted-text.js'

export interface TargetState {
  readonly tag: Tag
  /** What the tag pointed at before; undefined when it did not exist. */
  readonly before: ManifestDescriptor | undefined
}

export interface RetagResult {
  readonly moved: readonly Tag[]
  readonly unchanged: readonly Tag[]
}

export async function retag(
  registry: ManifestStore,
  manifest: Manifest,
  targets: readonly TargetState[]
): Promise<RetagResult> {
  const moved: TargetState[] = []
  const unchanged: Tag[] = []
  for (const target of targets) {
    if (target.before?.digest === manifest.digest) {
      core.info(`${target.tag} already points at ${untrustedText(manifest.digest)}: left alone.`)
      unchanged.push(target.tag)
      continue
    }
    try {
      await registry.put(target.tag, manifest)
    } catch (error) {
      await restore(registry, moved)
      throw error
    }
    core.info(
      `${target.tag}: ${untrustedText(target.before?.digest ?? '(new)')} → ${untrustedText(manifest.digest)}`
    )
    moved.push(target)
  }
  return { moved: moved.map((target) => target.tag), unchanged }
}

/** Best effort: a tag that did not exist before cannot be deleted without deleting the manifest. */
async function restore(registry: ManifestStore, moved: readonly TargetState[]): Promise<void> {
  for (const target of moved) {
    if (target.before === undefined) {
      core.warning(
        `${target.tag} was new and stays at the promoted digest: registries cannot delete a tag alone.`
      )
      continue
    }
    try {
      const previous = await registry.fetch(target.before.digest)
      if (previous === undefined) throw new Error(`${target.before.digest} is gone`)
      await registry.put(target.tag, previous)
      core.info(`${target.tag} put back at ${untrustedText(target.before.digest)}.`)
    } catch (error) {
      core.error(
        `Could not put ${target.tag} back at ${target.before.digest}: ${getErrorMessage(error)}`
      )
    }
  }
}
