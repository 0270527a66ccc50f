// scripts/local-action.mjs: @github/local-action runs a step that talks to the runner without @actions/core.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { root } from '../workflows/support.js'

function localAction(who: string): { status: number | null; stdout: string } {
  const envFile = join(mkdtempSync(join(tmpdir(), 'local-action-env-')), '.env')
  writeFileSync(envFile, `INPUT_WHO=${who}\n`)
  const fixture = 'test/fixtures/local-action'
  const result = spawnSync(
    'node',
    ['scripts/local-action.mjs', fixture, 'main.ts', 'post.ts', envFile],
    { cwd: root, encoding: 'utf8' }
  )
  return { status: result.status, stdout: result.stdout }
}

// Each run starts tsx through npm exec: seconds on a loaded 2-core machine.
describe('scripts/local-action.mjs', { timeout: 120_000 }, () => {
  let passed: ReturnType<typeof localAction>
  beforeAll(() => {
    passed = localAction('octocat')
  }, 120_000)

  it('prints the outputs the step wrote to GITHUB_OUTPUT, multi-line values whole', () => {
    expect(passed.status, passed.stdout).toBe(0)
    expect(passed.stdout).toContain('  greeting: "hello octocat\\nand a second line"')
  })

  it('runs the post step with the state the main step saved', () => {
    expect(passed.stdout).toContain('post step got leftBehind=a container')
  })

  it('fails when the main step fails, after running the post step', () => {
    const run = localAction('nobody')
    expect(run.status).toBe(1)
    expect(run.stdout).toContain('::error::nobody to greet')
    expect(run.stdout).toContain('post step got leftBehind=a container')
  })
})
