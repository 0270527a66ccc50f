import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '..')
const script = join(root, 'scripts/readme-tables.mjs')
const readme = readFileSync(join(root, 'README.md'), 'utf8')

// The table script runs prettier: seconds on a loaded 2-core machine, beyond vitest's 5 s default.
describe('README', { timeout: 60_000 }, () => {
  it('lists the inputs and outputs exactly as the action.yml files declare them', () => {
    expect(() => execFileSync('node', [script, '--check'], { stdio: 'pipe' })).not.toThrow()
  })

  it('notices a table that disagrees with action.yml', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'readme-')), 'README.md')
    copyFileSync(join(root, 'README.md'), copy)
    writeFileSync(
      copy,
      readFileSync(copy, 'utf8').replace('| `test-timeout` ', '| `test-timeout2`')
    )
    const result = spawnSync('node', [script, '--check', '--readme', copy], { encoding: 'utf8' })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('disagree with action.yml')
  })

  it('has tables for every action', () => {
    for (const file of [
      'action.yml',
      'promote/action.yml',
      'rollback/action.yml',
      'merge/action.yml'
    ]) {
      expect(readme).toMatch(new RegExp(`<!-- inputs: ${file} -->\\n\\n\\| input +\\|`))
      expect(readme).toMatch(new RegExp(`<!-- outputs: ${file} -->\\n\\n\\| output +\\|`))
    }
  })

  it('starts new users with exactly two commands: the demo and the tests', () => {
    const quickStart = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1]
    expect(quickStart?.trim().split('\n')).toEqual(['npm run demo', 'npm test'])
  })
})
