import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

type CleanupFlag = typeof import('../src/cleanup-flag.js')

let dir: string
let envFile: string

/** A fresh copy of the module: it keeps what this main step left as module state. */
async function freshFlag(): Promise<CleanupFlag> {
  vi.resetModules()
  return import('../src/cleanup-flag.js')
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cleanup-flag-'))
  envFile = join(dir, 'env')
  writeFileSync(envFile, '')
  vi.stubEnv('GITHUB_ENV', envFile)
})

afterEach(() => {
  vi.unstubAllEnvs()
  rmSync(dir, { recursive: true, force: true })
})

describe('the cleanup flag in GITHUB_ENV', () => {
  it('is written once, before anything is made, however many things are pending', async () => {
    const flag = await freshFlag()
    flag.cleanupPending('dockerConfig')
    expect(readFileSync(envFile, 'utf8')).toBe('IMMUTABLE_IMAGE_CLEANUP=pending\n')
    flag.cleanupPending('testContainer')
    expect(readFileSync(envFile, 'utf8')).toBe('IMMUTABLE_IMAGE_CLEANUP=pending\n')
  })

  it('is taken back at the end when the main step removed all it made', async () => {
    const flag = await freshFlag()
    writeFileSync(envFile, 'OTHER=kept\n')
    flag.cleanupPending('dockerConfig')
    flag.cleanupPending('testContainer')
    flag.cleanedUp('testContainer')
    flag.cleanedUp('dockerConfig')
    flag.settleCleanupFlag()
    expect(readFileSync(envFile, 'utf8')).toBe('OTHER=kept\n')
  })

  it('stays when something is left for the post step', async () => {
    const flag = await freshFlag()
    flag.cleanupPending('dockerConfig')
    flag.cleanupPending('testContainer')
    flag.cleanedUp('testContainer')
    flag.settleCleanupFlag()
    expect(readFileSync(envFile, 'utf8')).toBe('IMMUTABLE_IMAGE_CLEANUP=pending\n')
  })

  it('is written again when something new is made after it was taken back', async () => {
    const flag = await freshFlag()
    flag.cleanupPending('dockerConfig')
    flag.cleanedUp('dockerConfig')
    flag.settleCleanupFlag()
    flag.cleanupPending('smokeContainer')
    expect(readFileSync(envFile, 'utf8')).toBe('IMMUTABLE_IMAGE_CLEANUP=pending\n')
  })

  it('writes nothing when the main step made nothing', async () => {
    const flag = await freshFlag()
    flag.settleCleanupFlag()
    expect(readFileSync(envFile, 'utf8')).toBe('')
  })

  it('is a no-op where the runner names no GITHUB_ENV file', async () => {
    vi.stubEnv('GITHUB_ENV', '')
    const flag = await freshFlag()
    expect(() => {
      flag.cleanupPending('dockerConfig')
      flag.settleCleanupFlag()
    }).not.toThrow()
  })
})
