// Which digests merge must refuse, and why: one line each, decided before any tag is written.
import { formatPlatform, samePlatform, type Platform } from '../registry/platform.js'
import { untrustedText } from '../log/untrusted-text.js'
import { REVISION_LABEL } from '../registry/image-revision.js'
import type { InspectedDigest } from './platform-image.js'

export type PlatformImage = Extract<InspectedDigest, { kind: 'image' }>

/** An image merge accepted: its platform is known. */
export type AcceptedImage = PlatformImage & { readonly platform: Platform }

export interface MergeCheck {
  /** The images to merge, in the order given, when nothing was refused. */
  readonly images: readonly AcceptedImage[]
  /** One line per refused digest, naming it and what is wrong. */
  readonly problems: readonly string[]
}

/** Every digest must be one platform's image of `sha`, and no platform may come twice. */
export function checkMerge(
  inspected: readonly InspectedDigest[],
  sha: string,
  image: string
): MergeCheck {
  const problems: string[] = []
  const images: AcceptedImage[] = []
  for (const digest of inspected) {
    const problem = problemOf(digest, sha, image, images)
    if (problem !== undefined) problems.push(problem)
    else if (digest.kind === 'image' && digest.platform !== undefined) {
      images.push({ ...digest, platform: digest.platform })
    }
  }
  return { images: problems.length === 0 ? images : [], problems }
}

function problemOf(
  inspected: InspectedDigest,
  sha: string,
  image: string,
  accepted: readonly AcceptedImage[]
): string | undefined {
  const { digest } = inspected
  switch (inspected.kind) {
    case 'missing':
      return `${digest}: not found in ${image}`
    case 'platforms':
      return `${digest}: an index of ${inspected.count} platform images, not one platform's image`
    case 'image': {
      if (inspected.revision === undefined) {
        return `${digest}: has no ${REVISION_LABEL} label, so nothing shows it was built from commit ${sha.slice(0, 7)}`
      }
      if (inspected.revision !== sha) {
        return `${digest}: built from commit ${untrustedText(inspected.revision, 40)}, not this commit ${sha}`
      }
      const { platform } = inspected
      if (platform === undefined) return `${digest}: its config names no platform`
      const earlier = accepted.find((other) => samePlatform(other.platform, platform))
      if (earlier !== undefined) {
        return `${digest}: ${formatPlatform(platform)} again, as ${earlier.digest} (${formatPlatform(earlier.platform)}) is`
      }
      return undefined
    }
  }
}
