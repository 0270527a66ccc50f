import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { getBuildSettings } from '../../src/settings/build.js'

let workspace: string

function inputs(values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values))
    vi.stubEnv(`INPUT_${name.toUpperCase()}`, value)
}

beforeEach(() => {
  workspace = realpathSync(mkdtempSync(join(tmpdir(), 'settings-digest-')))
  writeFileSync(join(workspace, 'Dockerfile'), 'FROM scratch\n')
  vi.stubEnv('GITHUB_WORKSPACE', workspace)
  vi.stubEnv('GITHUB_REPOSITORY', 'acme/web')
})

afterEach(() => {
  vi.unstubAllEnvs()
  rmSync(workspace, { recursive: true, force: true })
})

describe('push-by-digest', () => {
  it('is off unless asked for', () => {
    expect(getBuildSettings().pushByDigest).toBe(false)
    inputs({ 'push-by-digest': 'true' })
    expect(getBuildSettings().pushByDigest).toBe(true)
  })

  it.each([
    [{ push: 'false' }, "Input 'push-by-digest': needs push: true"],
    [{ tags: 'latest' }, "Input 'push-by-digest': pushes no tag, so tags cannot be given"]
  ])('refuses %j with it, in one line naming it', (given, message) => {
    inputs({ 'push-by-digest': 'true', ...given })
    expect(() => getBuildSettings()).toThrow(message)
  })
})
