// A re-run of a commit whose image is already pushed asks the registry as little as it can.
import { describe, expect } from 'vitest'
import { freshRepository, it, makeWorkspace } from '../harness/index.js'

describe('a re-run of a commit already pushed', () => {
  it('reuses the image and its test record in at most 3 registry requests', async ({
    build,
    proxy
  }) => {
    const workspace = makeWorkspace()
    const repository = freshRepository('rerun')
    const first = await build({ workspace, repository, registry: proxy.host })
    expect(first.main.exitCode, first.main.stdout).toBe(0)
    const before = proxy.log.length
    const rerun = await build({
      workspace,
      repository,
      registry: proxy.host,
      inputs: { 'if-exists': 'skip', comment: 'false' }
    })
    expect(rerun.main.exitCode, rerun.main.stdout).toBe(0)
    expect(rerun.outputs.pushed).toBe('false')
    expect(rerun.outputs['test-result']).toBe('passed')
    const requests = proxy.log.slice(before)
    expect(requests.length, requests.join('\n')).toBeLessThanOrEqual(3)
  })
})
