import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { getBuildSettings } from '../../src/settings/build.js'

let root: string
let workspace: string
let outside: string

function inputs(values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values))
    vi.stubEnv(`INPUT_${name.toUpperCase()}`, value)
}

beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'settings-paths-')))
  workspace = join(root, 'workspace')
  outside = join(root, 'host')
  mkdirSync(workspace)
  mkdirSync(join(outside, 'secrets'), { recursive: true })
  writeFileSync(join(outside, 'Dockerfile'), 'FROM scratch\nCOPY secrets /\n')
  writeFileSync(join(workspace, 'Dockerfile'), 'FROM scratch\n')
  mkdirSync(join(workspace, 'app'))
  writeFileSync(join(workspace, 'app', 'Dockerfile'), 'FROM scratch\n')
  vi.stubEnv('GITHUB_WORKSPACE', workspace)
  vi.stubEnv('GITHUB_REPOSITORY', 'acme/web')
})

afterEach(() => {
  vi.unstubAllEnvs()
  rmSync(root, { recursive: true, force: true })
})

describe('context and file through symlinks', () => {
  it('refuses a context that is a committed symlink to a directory outside the workspace', () => {
    symlinkSync(outside, join(workspace, 'ctx'))
    inputs({ context: 'ctx' })
    expect(() => getBuildSettings()).toThrow(
      `Input 'context': 'ctx' is outside the workspace ${workspace} (it resolves to ${outside})`
    )
  })

  it('refuses a context under a symlinked parent that leads outside', () => {
    symlinkSync(outside, join(workspace, 'vendor'))
    inputs({ context: 'vendor/secrets' })
    expect(() => getBuildSettings()).toThrow(/^Input 'context': 'vendor\/secrets' is outside/)
  })

  it('refuses a file that is a symlink to a Dockerfile outside the workspace', () => {
    symlinkSync(join(outside, 'Dockerfile'), join(workspace, 'Evil.Dockerfile'))
    inputs({ file: 'Evil.Dockerfile' })
    expect(() => getBuildSettings()).toThrow(/^Input 'file': 'Evil.Dockerfile' is outside/)
  })

  it('refuses the default Dockerfile when it is a symlink leading outside', () => {
    rmSync(join(workspace, 'app', 'Dockerfile'))
    symlinkSync(join(outside, 'Dockerfile'), join(workspace, 'app', 'Dockerfile'))
    inputs({ context: 'app' })
    expect(() => getBuildSettings()).toThrow(/^Input 'file': 'app\/Dockerfile' is outside/)
  })

  it('accepts symlinks that stay inside the workspace, using the real paths', () => {
    symlinkSync(join(workspace, 'app'), join(workspace, 'current'))
    symlinkSync(join(workspace, 'app', 'Dockerfile'), join(workspace, 'Linked.Dockerfile'))
    inputs({ context: 'current', file: 'Linked.Dockerfile' })
    const settings = getBuildSettings()
    expect(settings.context).toBe(join(workspace, 'app'))
    expect(settings.file).toBe(join(workspace, 'app', 'Dockerfile'))
  })

  it('accepts a workspace that is itself reached through a symlink', () => {
    const linked = join(root, 'linked-workspace')
    symlinkSync(workspace, linked)
    vi.stubEnv('GITHUB_WORKSPACE', linked)
    inputs({ context: 'app' })
    expect(getBuildSettings().context).toBe(join(workspace, 'app'))
  })
})
