import { describe, expect, it, vi } from 'vitest'
import {
  environmentHistory,
  previousDigest,
  readPayload,
  type HistoryEntry
} from '../../src/github/deployments.js'
import { FakeDeploymentHistory } from '../harness/fakes/deployment-history.js'

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

const IMAGE = 'ghcr.io/acme/web'

function payload(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    tool: 'immutable-image',
    image: IMAGE,
    digest: B,
    source: 'sha-1',
    previous_digest: A,
    targets: ['production'],
    actor: 'octocat',
    run_url: '',
    ...fields
  }
}

describe('readPayload', () => {
  it.each([
    ['a sha256 digest', { previous_digest: A }],
    ['no previous digest (the first deployment)', { previous_digest: '' }],
    ['a sha512 digest', { previous_digest: `sha512:${'e'.repeat(128)}` }]
  ])('accepts %s', (_, fields) => {
    expect(readPayload(payload(fields), IMAGE).kind).toBe('ours')
  })

  it.each([
    ['a path into another repository', { previous_digest: '../../../other/app/manifests/latest' }],
    ['a tag', { previous_digest: 'latest' }],
    ['text with newlines', { previous_digest: `${A}\n::error::pwned` }],
    ['upper-case hex', { previous_digest: `sha256:${'A'.repeat(64)}` }],
    ['a short sha256', { previous_digest: `sha256:${'a'.repeat(63)}` }],
    ['sha512 with 64 digits', { previous_digest: `sha512:${'a'.repeat(64)}` }],
    ['an unknown algorithm', { previous_digest: `md5:${'a'.repeat(32)}` }],
    ['a number', { previous_digest: 42 }],
    ['a missing previous digest', { previous_digest: undefined }],
    ['a forged digest', { digest: '../latest' }],
    ['a missing digest', { digest: undefined }]
  ])('refuses %s', (_, fields) => {
    expect(readPayload(payload(fields), IMAGE).kind).toBe('invalid')
  })

  it.each([
    ['another tool', { tool: 'other' }],
    ['another image', { image: 'ghcr.io/acme/api' }]
  ])('leaves the payload of %s alone', (_, fields) => {
    expect(readPayload(payload(fields), IMAGE)).toEqual({ kind: 'other' })
  })

  it('quotes the refused value on one line, capped', () => {
    const reading = readPayload(
      payload({ previous_digest: `x\n::error::pwned${'y'.repeat(500)}` }),
      IMAGE
    )
    const problem = reading.kind === 'invalid' ? reading.problem : ''
    expect(problem).toMatch(/^its previous_digest "x\\n::error::pwnedy+….* is not a digest$/)
    expect(problem).not.toContain('\n')
    expect(problem.length).toBeLessThan(100)
  })
})

describe('environmentHistory', () => {
  it('skips a deployment whose payload holds a forged digest, with a warning', async () => {
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    const history = new FakeDeploymentHistory()
    history.seed('production', payload({ digest: C, previous_digest: B }), { id: 101 })
    history.seed(
      'production',
      payload({ digest: C, previous_digest: '../../../other/app/manifests/latest' }),
      { id: 100 }
    )
    const lookup = await previousDigest(C, environmentHistory(history, 'production', IMAGE))
    const written = stdout.mock.calls.map(([chunk]) => String(chunk)).join('')
    stdout.mockRestore()
    expect(lookup).toEqual({ found: true, digest: B, deploymentId: 101 })
    expect(written).toContain(
      '::warning::Skipped deployment 100 of production: its previous_digest "../../../other/app/manifests/latest" is not a digest.'
    )
  })
})
