import { describe, expect, it } from 'vitest'
import { checkMerge } from '../../src/merge/merge-check.js'
import type { InspectedDigest } from '../../src/merge/platform-image.js'
import { parsePlatform } from '../../src/registry/platform.js'
import type { Digest } from '../../src/registry/reference.js'

const SHA = 'a'.repeat(40)
const OTHER = 'b'.repeat(40)
const IMAGE = 'registry.test/acme/web'

function digest(n: number): Digest {
  return `sha256:${String(n).repeat(64).slice(0, 64)}` as Digest
}

function image(
  n: number,
  platform: string | undefined,
  revision: string | null = SHA
): InspectedDigest {
  return {
    kind: 'image',
    digest: digest(n),
    platform: platform === undefined ? undefined : parsePlatform(platform),
    revision: revision ?? undefined,
    entries: [
      { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: digest(n), size: 1 }
    ]
  }
}

describe('checkMerge', () => {
  it('accepts one image per platform of the commit, in the order given', () => {
    const check = checkMerge([image(2, 'linux/arm64'), image(1, 'linux/amd64')], SHA, IMAGE)
    expect(check.problems).toEqual([])
    expect(check.images.map((accepted) => accepted.digest)).toEqual([digest(2), digest(1)])
  })

  it.each<[string, InspectedDigest[], string[]]>([
    [
      'a missing digest',
      [image(1, 'linux/amd64'), { kind: 'missing', digest: digest(2) }],
      [`${digest(2)}: not found in ${IMAGE}`]
    ],
    [
      'an index of several platforms',
      [{ kind: 'platforms', digest: digest(3), count: 2 }],
      [`${digest(3)}: an index of 2 platform images, not one platform's image`]
    ],
    [
      'an image of another commit',
      [image(1, 'linux/amd64'), image(2, 'linux/arm64', OTHER)],
      [`${digest(2)}: built from commit ${OTHER}, not this commit ${SHA}`]
    ],
    [
      'an image without a revision',
      [image(4, 'linux/amd64', null)],
      [
        `${digest(4)}: has no org.opencontainers.image.revision label, so nothing shows it was built from commit aaaaaaa`
      ]
    ],
    [
      'a platform given twice',
      [image(1, 'linux/amd64'), image(2, 'linux/amd64')],
      [`${digest(2)}: linux/amd64 again, as ${digest(1)} (linux/amd64) is`]
    ],
    [
      'arm64 and arm64/v8, one platform',
      [image(1, 'linux/arm64'), image(2, 'linux/arm64/v8')],
      [`${digest(2)}: linux/arm64/v8 again, as ${digest(1)} (linux/arm64) is`]
    ],
    [
      'the same digest twice',
      [image(1, 'linux/amd64'), image(1, 'linux/amd64')],
      [`${digest(1)}: linux/amd64 again, as ${digest(1)} (linux/amd64) is`]
    ],
    [
      'an image whose config names no platform',
      [image(5, undefined)],
      [`${digest(5)}: its config names no platform`]
    ],
    [
      'every problem, one line each',
      [{ kind: 'missing', digest: digest(6) }, image(7, 'linux/amd64', OTHER)],
      [
        `${digest(6)}: not found in ${IMAGE}`,
        `${digest(7)}: built from commit ${OTHER}, not this commit ${SHA}`
      ]
    ]
  ])('refuses %s, merging nothing', (_case, inspected, problems) => {
    const check = checkMerge(inspected, SHA, IMAGE)
    expect(check.problems).toEqual(problems)
    expect(check.images).toEqual([])
  })

  it('keeps a hostile revision on one inert line', () => {
    const [problem] = checkMerge(
      [image(1, 'linux/amd64', '\n::set-output name=x::y')],
      SHA,
      IMAGE
    ).problems
    expect(problem).not.toContain('\n')
    expect(problem).toContain('\\n::set-output')
  })
})
