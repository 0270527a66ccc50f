import { describe, expect, it } from 'vitest'
import { previousDigest, type HistoryEntry } from '../../src/github/deployments.js'

const A = `sha256:${'a'.repeat(64)}`
const B = `sha256:${'b'.repeat(64)}`
const C = `sha256:${'c'.repeat(64)}`

function entry(
  deploymentId: number,
  digest: string,
  previous: string,
  state = 'success'
): HistoryEntry {
  return {
    deploymentId,
    state,
    payload: {
      tool: 'immutable-image',
      image: 'ghcr.io/acme/web',
      digest,
      source: 'x',
      previous_digest: previous,
      targets: ['production'],
      actor: 'octocat',
      run_url: ''
    }
  }
}

async function* from(entries: HistoryEntry[]): AsyncGenerator<HistoryEntry> {
  for (const item of entries) yield await Promise.resolve(item)
}

describe('previousDigest', () => {
  it('answers what the deployment that put the current digest there replaced', async () => {
    expect(
      await previousDigest(C, from([entry(3, C, B), entry(2, B, A), entry(1, A, '')]))
    ).toEqual({
      found: true,
      digest: B,
      deploymentId: 3
    })
  })

  it('counts a superseded success (inactive) as having gone live', async () => {
    expect(
      await previousDigest(B, from([entry(3, C, B, 'failure'), entry(2, B, A, 'inactive')]))
    ).toMatchObject({
      found: true,
      digest: A
    })
  })

  it('skips deployments that failed or are still running', async () => {
    const history = from([
      entry(4, C, B, 'in_progress'),
      entry(3, C, A, 'failure'),
      entry(2, C, B),
      entry(1, B, '')
    ])
    expect(await previousDigest(C, history)).toMatchObject({
      found: true,
      digest: B,
      deploymentId: 2
    })
  })

  it('flips back after a rollback, which records the digest it replaced', async () => {
    const afterRollback = from([entry(3, A, B), entry(2, B, A), entry(1, A, '')])
    expect(await previousDigest(A, afterRollback)).toMatchObject({ found: true, digest: B })
  })

  it('has no answer for the first deployment', async () => {
    const lookup = await previousDigest(A, from([entry(1, A, '')]))
    expect(lookup.found).toBe(false)
    expect(lookup.found ? '' : lookup.reason).toContain('nothing came before it')
  })

  it('has no answer when the registry holds a digest no deployment put there', async () => {
    expect(await previousDigest(C, from([entry(2, B, A)]))).toMatchObject({ found: false })
  })
})
