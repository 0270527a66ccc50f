// Reuse, fail or rebuild: what if-exists makes of the image the registry holds under the SHA tag.
import { registryText } from '../registry/errors.js'
import type { IfExists } from '../settings/build.js'

/** What the choice needs to know, and so how far the registry is asked. */
export type RegistryQuestion =
  /** Nothing: the image is built and pushed (or not pushed at all) whatever the registry holds. */
  | 'none'
  /** Whether the SHA tag exists. */
  | 'tag'
  /** Whether it exists, and which commit each platform image under it was built from. */
  | 'tag-and-revision'

/** What the registry holds under the SHA tag, as far as the question asked. */
export type HeldImage =
  | { readonly kind: 'nothing' }
  | { readonly kind: 'tag'; readonly digest: string }
  | {
      readonly kind: 'image'
      readonly digest: string
      /** The revision label of every platform image; undefined where one has none. */
      readonly revisions: readonly (string | undefined)[]
    }

export type ExistingTagChoice =
  | { readonly kind: 'build' }
  | { readonly kind: 'reuse'; readonly digest: string }
  | { readonly kind: 'fail'; readonly why: string }

export interface ExistingTagPolicy {
  readonly push: boolean
  readonly ifExists: IfExists
}

/** The SHA tag and commit the choice is about, for the messages. */
export interface Wanted {
  /** `<image>:<sha tag>`. */
  readonly reference: string
  readonly sha: string
}

export function registryQuestion(policy: ExistingTagPolicy): RegistryQuestion {
  if (!policy.push || policy.ifExists === 'overwrite') return 'none'
  return policy.ifExists === 'fail' ? 'tag' : 'tag-and-revision'
}

/** Whether the registry's answer can end the run before anything is built (by digest it is never asked). */
export function mayReuseShaTag(
  policy: ExistingTagPolicy & { readonly pushByDigest: boolean }
): boolean {
  return !policy.pushByDigest && registryQuestion(policy) === 'tag-and-revision'
}

export function chooseForExistingTag(
  policy: ExistingTagPolicy,
  held: HeldImage,
  wanted: Wanted
): ExistingTagChoice {
  if (registryQuestion(policy) === 'none' || held.kind === 'nothing') return { kind: 'build' }
  if (policy.ifExists === 'fail') {
    return {
      kind: 'fail',
      why: `${wanted.reference} already exists (${held.digest}) and if-exists is 'fail'`
    }
  }
  if (held.kind === 'tag') {
    throw new Error(`reusing ${wanted.reference} needs the commit it holds, which was not read`)
  }
  const why = notThisCommit(held.revisions, wanted)
  return why === undefined ? { kind: 'reuse', digest: held.digest } : { kind: 'fail', why }
}

/**
 * Why an image may not stand for this commit, or undefined when every platform image's revision
 * label is this very commit. A short SHA tag can name another commit (seven hex digits collide by
 * chance in big repositories, and a fork can grind one on purpose): the tests of other code must
 * not pass for this one.
 */
export function notThisCommit(
  revisions: readonly (string | undefined)[],
  wanted: Wanted
): string | undefined {
  const mismatch = revisions.findIndex((revision) => revision !== wanted.sha)
  if (mismatch === -1) return undefined
  const other = revisions[mismatch]
  const held =
    other === undefined ? 'an image with no revision label' : `commit ${registryText(other)}`
  return `${wanted.reference} holds ${held}, not this commit ${wanted.sha}: it is not reused (if-exists: overwrite replaces it)`
}
