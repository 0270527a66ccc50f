import { describe, expect, it } from 'vitest'
import { chooseRevision, shaTag } from '../../src/pipeline/revision.js'
import type { RunContext } from '../../src/github/context.js'

const HEAD = '1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d'
const MERGE = 'ffffffffffffffffffffffffffffffffffffffff'
const NOW = new Date('2026-11-24T12:00:00Z')

function run(overrides: Partial<RunContext> = {}): RunContext {
  return {
    owner: 'acme',
    repo: 'web',
    eventName: 'pull_request',
    eventSha: MERGE,
    eventCommitTime: undefined,
    pullRequest: { number: 7, headSha: HEAD, headRef: 'feature', fromFork: false },
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    repositoryUrl: 'https://github.com/acme/web',
    runUrl: 'https://github.com/acme/web/actions/runs/1',
    actor: 'octocat',
    ...overrides
  }
}

describe('chooseRevision', () => {
  it('tags the checked-out commit with its commit time', async () => {
    const revision = chooseRevision(
      { sha: HEAD, committedAt: () => Promise.resolve('2026-11-01T10:00:00+00:00') },
      run(),
      NOW
    )
    expect(revision).toMatchObject({ sha: HEAD, warnings: [] })
    expect(await revision.createdAt()).toBe('2026-11-01T10:00:00+00:00')
  })

  it('asks the checkout for its commit time only when the time is asked for', async () => {
    let asked = 0
    const committedAt = (): Promise<string | undefined> => {
      asked++
      return Promise.resolve(undefined)
    }
    const revision = chooseRevision(
      { sha: HEAD, committedAt },
      run({ eventCommitTime: '2026-11-03T00:00:00Z' }),
      NOW
    )
    expect(asked).toBe(0)
    // git could not say: the event's commit time stands in.
    expect(await revision.createdAt()).toBe('2026-11-03T00:00:00Z')
    expect(asked).toBe(1)
  })

  it('warns when the checkout is GitHub’s merge commit, not the PR head', () => {
    const revision = chooseRevision(
      { sha: MERGE, committedAt: () => Promise.resolve('2026-11-01T10:00:00Z') },
      run(),
      NOW
    )
    expect(revision.sha).toBe(MERGE)
    expect(revision.warnings).toEqual([
      "Built commit fffffff is not the pull request head 1a2b3c4 (it is GitHub's merge commit: check out `github.event.pull_request.head.sha`)."
    ])
  })

  it('falls back to the PR head when the context is not a git checkout', async () => {
    const revision = chooseRevision(undefined, run(), NOW)
    expect(revision.sha).toBe(HEAD)
    expect(await revision.createdAt()).toBe(NOW.toISOString())
    expect(revision.warnings[0]).toMatch(/not a git checkout/)
  })

  it('falls back to GITHUB_SHA and the pushed commit time outside pull requests', async () => {
    const revision = chooseRevision(
      undefined,
      run({
        eventName: 'push',
        pullRequest: undefined,
        eventSha: HEAD,
        eventCommitTime: '2026-11-02T00:00:00Z'
      }),
      NOW
    )
    expect(revision.sha).toBe(HEAD)
    expect(await revision.createdAt()).toBe('2026-11-02T00:00:00Z')
  })

  it('fails when there is no commit to name', () => {
    expect(() =>
      chooseRevision(undefined, run({ pullRequest: undefined, eventSha: '' }), NOW)
    ).toThrow(/names no commit/)
  })
})

describe('shaTag', () => {
  it.each([
    ['short', 'sha-1a2b3c4'],
    ['long', `sha-${HEAD}`]
  ] as const)('%s', (format, tag) => {
    expect(shaTag(HEAD, format)).toBe(tag)
  })
})
