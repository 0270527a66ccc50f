import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PromotionResult } from '../../src/promote/promotion.js'
import { writeJobSummary } from '../../src/render/job-summary.js'
import { factTable } from '../../src/render/markdown.js'
import { renderPromotion } from '../../src/render/promotion.js'
import { parseDigest, parseTag } from '../../src/registry/reference.js'

const A = parseDigest(`sha256:${'a'.repeat(64)}`)
const B = parseDigest(`sha256:${'b'.repeat(64)}`)

const result: PromotionResult = {
  image: 'ghcr.io/acme/web',
  digest: A,
  previousDigest: B,
  source: 'sha-1a2b3c4',
  moved: [parseTag('production'), parseTag('v1')],
  unchanged: [],
  deploymentId: 42
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('renderPromotion', () => {
  it('heads the summary with the environment and the short digest', () => {
    expect(renderPromotion(result, 'production').split('\n')[0]).toBe(
      `### 🚀 \`production\` → \`${A.slice(0, 19)}\``
    )
  })

  it('lists the ref, source, digest before, tags moved and the deployment', () => {
    expect(renderPromotion(result, 'production')).toContain(
      [
        '| | |',
        '|---|---|',
        `| Ref | \`ghcr.io/acme/web@${A}\` |`,
        '| Source | `sha-1a2b3c4` |',
        `| Before | \`${B}\` |`,
        '| Moved | `production`, `v1` |',
        '| Already there | (none) |',
        '| Deployment | 42 |'
      ].join('\n')
    )
  })

  it('says when a tag was new and the promotion was not recorded', () => {
    const rendered = renderPromotion(
      { ...result, previousDigest: '', deploymentId: undefined },
      'staging'
    )
    expect(rendered).toContain('| Before | (new) |')
    expect(rendered).toContain('| Deployment | not recorded |')
  })
})

describe('factTable', () => {
  it('renders rows under an empty two-column header', () => {
    expect(factTable([['Commit', '`abc`']])).toBe('| | |\n|---|---|\n| Commit | `abc` |')
  })
})

describe('writeJobSummary', () => {
  it('turns a summary that cannot be written into a warning', async () => {
    vi.stubEnv('GITHUB_STEP_SUMMARY', '/nonexistent/dir/summary.md')
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    await writeJobSummary('# hello')
    const written = stdout.mock.calls.map(([chunk]) => String(chunk)).join('')
    vi.unstubAllEnvs()
    expect(written).toContain('::warning::Could not write the job summary:')
  })
})
