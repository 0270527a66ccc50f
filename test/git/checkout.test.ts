import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { hasUncommittedChanges, readCheckout } from '../../src/git/checkout.js'
import { uncommittedChangesWarning } from '../../src/pipeline/revision.js'
import { commitFile, gitIn } from './scratch-repository.js'

let dir: string
const git = (...args: string[]): string => gitIn(dir, ...args)

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'checkout-'))
})

afterEach(() => {
  vi.unstubAllEnvs()
  rmSync(dir, { recursive: true, force: true })
})

describe('readCheckout', () => {
  it('reads HEAD’s commit, its time and the changes only when asked', async () => {
    git('init', '--quiet')
    const sha = commitFile(dir, 'one')
    const checkout = await readCheckout(dir)
    expect(checkout?.sha).toBe(sha)
    expect(await checkout?.committedAt()).toBe('2026-12-07T10:00:00+00:00')
    expect(await hasUncommittedChanges(dir)).toBe(false)
    expect(await uncommittedChangesWarning(dir, sha)).toBeUndefined()
    writeFileSync(join(dir, 'b'), 'untracked')
    expect(await hasUncommittedChanges(dir)).toBe(true)
    expect(await uncommittedChangesWarning(dir, sha)).toBe(
      `The checkout has uncommitted changes: the image holds more than commit ${sha.slice(0, 7)}.`
    )
  })

  it('reads the commit from the repository’s files, starting no git until the time is asked', async () => {
    git('init', '--quiet')
    const sha = commitFile(dir, 'one')
    vi.stubEnv('PATH', '/nonexistent')
    const checkout = await readCheckout(dir)
    expect(checkout?.sha).toBe(sha)
    // No git on PATH: the time cannot be told, and nothing throws.
    expect(await checkout?.committedAt()).toBeUndefined()
  })

  it('asks git where the files do not say, as in a repository with GIT_DIR set', async () => {
    git('init', '--quiet')
    commitFile(dir, 'one')
    vi.stubEnv('GIT_DIR', join(dir, '.git'))
    const checkout = await readCheckout(dir)
    expect(checkout?.sha).toBe(git('rev-parse', 'HEAD'))
    expect(await checkout?.committedAt()).toBe('2026-12-07T10:00:00+00:00')
    vi.stubEnv('PATH', '/nonexistent')
    expect(await readCheckout(dir)).toBeUndefined()
  })

  it('is undefined outside a git work tree, which holds no changes', async () => {
    expect(await readCheckout(dir)).toBeUndefined()
    expect(await hasUncommittedChanges(dir)).toBe(false)
  })
})
