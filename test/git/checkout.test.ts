import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hasUncommittedChanges, readCheckout } from '../../src/git/checkout.js'
import { uncommittedChangesWarning } from '../../src/pipeline/revision.js'

let dir: string
const git = (...args: string[]): string =>
  execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'T',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 'T',
      GIT_COMMITTER_EMAIL: 't@example.com',
      GIT_COMMITTER_DATE: '2026-12-07T10:00:00Z'
    }
  }).trim()

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'checkout-'))
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('readCheckout', () => {
  it('reads HEAD’s commit and time with one git call, the changes only when asked', async () => {
    git('init', '--quiet')
    writeFileSync(join(dir, 'a'), '1')
    git('add', 'a')
    git('commit', '--quiet', '-m', 'one')
    const sha = git('rev-parse', 'HEAD')
    expect(await readCheckout(dir)).toEqual({ sha, committedAt: '2026-12-07T10:00:00+00:00' })
    expect(await hasUncommittedChanges(dir)).toBe(false)
    expect(await uncommittedChangesWarning(dir, sha)).toBeUndefined()
    writeFileSync(join(dir, 'b'), 'untracked')
    expect(await hasUncommittedChanges(dir)).toBe(true)
    expect(await uncommittedChangesWarning(dir, sha)).toBe(
      `The checkout has uncommitted changes: the image holds more than commit ${sha.slice(0, 7)}.`
    )
  })

  it('is undefined outside a git work tree, which holds no changes', async () => {
    expect(await readCheckout(dir)).toBeUndefined()
    expect(await hasUncommittedChanges(dir)).toBe(false)
  })
})
