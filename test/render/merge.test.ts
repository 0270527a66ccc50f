import { describe, expect, it } from 'vitest'
import type { MergeResult } from '../../src/merge/merge.js'
import type { Digest, Tag } from '../../src/registry/reference.js'
import { renderMerge } from '../../src/render/merge.js'

const INDEX = `sha256:${'1'.repeat(64)}` as Digest
const AMD64 = `sha256:${'2'.repeat(64)}` as Digest
const ARM64 = `sha256:${'3'.repeat(64)}` as Digest
const RUN = 'https://github.com/acme/web/actions/runs/1'

const MERGED: MergeResult = {
  image: 'ghcr.io/acme/web',
  sha: 'a'.repeat(40),
  shaTag: 'sha-aaaaaaa' as Tag,
  digest: INDEX,
  tags: ['ghcr.io/acme/web:sha-aaaaaaa', 'ghcr.io/acme/web:latest'],
  platforms: [
    { platform: 'linux/amd64', digest: AMD64 },
    { platform: 'linux/arm64', digest: ARM64 }
  ],
  problems: []
}

describe('renderMerge', () => {
  it('heads with the index’s ref and pull command, each platform’s digest in the details', () => {
    const markdown = renderMerge(MERGED, RUN)
    expect(markdown).toMatch(
      /^### ✅ Merged 2 platforms · `ghcr.io\/acme\/web:sha-aaaaaaa`\n\n`ghcr.io\/acme\/web@sha256:1{64}`/
    )
    expect(markdown).toContain(`docker pull ghcr.io/acme/web@${INDEX}`)
    expect(markdown).toContain(`| \`linux/amd64\` | \`${AMD64}\` |`)
    expect(markdown).toContain(`| \`linux/arm64\` | \`${ARM64}\` |`)
    expect(markdown).toContain(`[Workflow run](${RUN})`)
  })

  it('lists every refusal and no pull command when the merge was refused', () => {
    const markdown = renderMerge(
      {
        ...MERGED,
        digest: undefined,
        tags: [],
        problems: [`${ARM64}: not found in <b>ghcr.io/acme/web</b>`]
      },
      ''
    )
    expect(markdown).toContain('### ❌ Merge refused: nothing tagged')
    expect(markdown).toContain(`- ${ARM64}: not found in &lt;b&gt;ghcr.io/acme/web&lt;/b&gt;`)
    expect(markdown).not.toContain('docker pull')
    expect(markdown).not.toContain('Workflow run')
  })
})
