import { afterEach, describe, expect, it, vi } from 'vitest'
import { getMergeSettings } from '../../src/settings/merge.js'

const A = `sha256:${'a'.repeat(64)}`
const B = `sha256:${'b'.repeat(64)}`

function inputs(values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values))
    vi.stubEnv(`INPUT_${name.toUpperCase()}`, value)
}

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('getMergeSettings', () => {
  it('reads digests one a line or comma-separated, bare or as the build’s ref', () => {
    inputs({ image: 'ghcr.io/acme/web', digests: `${A}\nghcr.io/acme/web@${B}, ${A}` })
    expect(getMergeSettings().digests).toEqual([A, B, A])
  })

  it('reads tags bare or as references in the image, repeats dropped', () => {
    inputs({ image: 'ghcr.io/acme/web', digests: A, tags: 'latest\nghcr.io/acme/web:v1\nlatest' })
    expect(getMergeSettings()).toMatchObject({
      extraTags: ['latest', 'v1'],
      shaFormat: 'short',
      comment: true
    })
  })

  it.each([
    [{ image: '', digests: A }, "Input 'image': is required"],
    [{ image: 'ghcr.io/acme/web', digests: '' }, "Input 'digests': is required"],
    [
      { image: 'ghcr.io/acme/web', digests: 'sha256:abc' },
      "Input 'digests': 'sha256:abc' is not a valid digest"
    ],
    [
      { image: 'ghcr.io/acme/web', digests: `ghcr.io/acme/other@${A}` },
      "Input 'digests': 'ghcr.io/acme/other@"
    ],
    [{ image: 'ghcr.io/acme/web', digests: `ghcr.io/acme/web:v1@${A}` }, "Input 'digests':"],
    [
      { image: 'ghcr.io/acme/web', digests: A, tags: 'ghcr.io/acme/other:v1' },
      "Input 'tags': 'ghcr.io/acme/other:v1' is not in ghcr.io/acme/web"
    ],
    [{ image: 'ghcr.io/acme/web', digests: A, tags: 'bad tag' }, "Input 'tags':"],
    [{ image: 'ghcr.io/acme/web', digests: A, 'sha-format': 'medium' }, "Input 'sha-format':"]
  ])('refuses %j', (given, message) => {
    inputs(given)
    expect(() => getMergeSettings()).toThrow(message)
  })
})
