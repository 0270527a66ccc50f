// The promote bundle's start: built-in modules that take milliseconds to load wait until they are needed.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../harness/project-root.js'

/** The built-in modules the bundle had loaded when it exited, run with no inputs (it fails at once). */
function modulesLoadedBy(bundle: string): string[] {
  const report =
    "process.on('exit', () => process.stderr.write(JSON.stringify(process.moduleLoadList)))"
  const run = spawnSync(
    process.execPath,
    ['--eval', `${report}; require(${JSON.stringify(bundle)})`],
    {
      env: { PATH: process.env.PATH },
      encoding: 'utf8'
    }
  )
  return JSON.parse(run.stderr) as string[]
}

describe('dist/promote/index.js', () => {
  it.each(['crypto', 'fs/promises', 'child_process'])(
    'does not load node:%s before it is needed',
    (name) => {
      const loaded = modulesLoadedBy(join(PROJECT_ROOT, 'dist/promote/index.js'))
      expect(loaded).toContain('NativeModule net')
      expect(loaded).not.toContain(`NativeModule ${name}`)
    }
  )
})
