// A pull request that commits a symlink out of the workspace as its context or Dockerfile.
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { freshRepository, it, makeWorkspace, type Workspace } from '../harness/index.js'

/** A host directory the image must never see: a Dockerfile that would copy a secret from it. */
function outside(): string {
  const dir = mkdtempSync(join(tmpdir(), 'outside-'))
  writeFileSync(join(dir, 'host-secret'), 'not for the image\n')
  writeFileSync(join(dir, 'Dockerfile'), 'FROM immutable-image-base/busybox:1\nCOPY . /stolen\n')
  return dir
}

let workspace: Workspace
let hostDir: string

it.beforeAll(() => {
  hostDir = outside()
  workspace = makeWorkspace(
    { Dockerfile: 'FROM immutable-image-base/busybox:1\n' },
    { example: false }
  )
  symlinkSync(hostDir, join(workspace.dir, 'ctx'))
  symlinkSync(join(hostDir, 'Dockerfile'), join(workspace.dir, 'Dockerfile.link'))
})

describe.each([
  ['context', { context: 'ctx' }],
  ['file', { file: 'Dockerfile.link' }],
  ['context', { context: 'ctx/.' }]
])('a committed symlink out of the workspace as %s', (named, inputs) => {
  it(`is refused with one error naming '${named}' and where it leads, before any docker command`, async ({
    build,
    env
  }) => {
    const result = await build({
      workspace,
      registry: env.openRegistry,
      repository: freshRepository('symlink'),
      login: false,
      inputs: { 'test-command': 'true', ...inputs }
    })
    expect(result.main.exitCode).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::error::Input '${named}': .* is outside the workspace .*\\(it resolves to ${hostDir}`
        )
      )
    ])
    expect(result.main.stdout).not.toContain('[command]')
  })
})
