// The comment and job summary of a multi-platform build: a row per platform, tested or built only;
// and of a platform run pushed by digest for merge.
import { describe, expect, it } from 'vitest'
import { renderComment, renderReport } from '../../src/render/comment.js'
import { TESTS_NOT_RUN, type BuildReport } from '../../src/pipeline/report.js'

function report(overrides: Partial<BuildReport> = {}): BuildReport {
  return {
    outcome: 'pushed',
    image: 'ghcr.io/acme/web',
    shaTag: 'sha-1a2b3c4',
    sha: '1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d',
    digest: `sha256:${'d'.repeat(64)}`,
    tags: ['ghcr.io/acme/web:sha-1a2b3c4'],
    test: { ...TESTS_NOT_RUN, result: 'passed', command: 'npm test', notRun: undefined },
    sizeBytes: 1000,
    layers: 2,
    buildDurationMs: 1000,
    warnings: [],
    failure: undefined,
    runUrl: 'https://github.com/acme/web/actions/runs/1',
    ...overrides
  }
}

const TWO_PLATFORMS = [
  { platform: 'linux/amd64', tested: true },
  { platform: 'linux/arm64', tested: false }
]

describe('platform rows', () => {
  it.each([
    ['comment', renderComment],
    ['job summary', renderReport]
  ])('the %s gives each platform a row saying tested or built only', (_, render) => {
    const body = render(report({ platforms: TWO_PLATFORMS }))
    expect(body).toContain('| Platform `linux/amd64` | built and tested |')
    expect(body).toContain(
      '| Platform `linux/arm64` | built only, not tested (it cannot run on this runner) |'
    )
  })

  it('has no platform rows for a build without the platforms input', () => {
    expect(renderComment(report())).not.toContain('Platform `')
    expect(renderComment(report({ platforms: [] }))).not.toContain('Platform `')
  })

  it('says why nothing was tested when no platform built can run on the runner', () => {
    const body = renderComment(
      report({
        platforms: [{ platform: 'linux/arm64', tested: false }],
        test: { ...TESTS_NOT_RUN, command: 'npm test', notRun: 'no-platform-runs-here' }
      })
    )
    expect(body).toContain('not tested: none of the platforms built can run on this runner')
  })
})

describe('a push by digest', () => {
  it('says in the headline that the image was pushed by digest, for merge', () => {
    const body = renderComment(report({ tags: [], pushedByDigest: true }))
    expect(body).toContain('### ✅ Tested and pushed by digest, for merge')
    expect(renderComment(report())).not.toContain('by digest')
  })
})
