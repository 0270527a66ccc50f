// scripts/set-action-ref.mjs keeps every ref of ours, inside the reusable workflows too, on one release.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { actionRef, root, workflowFiles } from '../workflows/support.js'

const script = join(root, 'scripts/set-action-ref.mjs')

describe('scripts/set-action-ref.mjs', () => {
  function copyOfRepository(): string {
    const copy = mkdtempSync(join(tmpdir(), 'action-ref-'))
    for (const path of ['.github/workflows', 'workflows', 'README.md', 'package.json']) {
      if (existsSync(join(root, path)))
        cpSync(join(root, path), join(copy, path), { recursive: true })
    }
    return copy
  }
  const run = (...args: string[]) => spawnSync('node', [script, ...args], { encoding: 'utf8' })

  it('--check passes on the repository as it is', () => {
    const result = run('--check')
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })

  it('sets every ref of ours and actionRef to the given ref, leaving others alone', () => {
    const copy = copyOfRepository()
    expect(run('v9', '--root', copy).status).toBe(0)
    for (const file of workflowFiles) {
      const text = readFileSync(join(copy, file), 'utf8')
      expect(text, file).not.toMatch(/acme\/immutable-image[^\s@]*@(?!v9\b)/)
      expect(text, file).not.toMatch(/actions\/checkout@v9/)
    }
    expect(readFileSync(join(copy, 'package.json'), 'utf8')).toContain('"actionRef": "v9"')
    expect(run('--check', '--root', copy).status).toBe(0)
  })

  it('moves the sub-action a reusable workflow calls with the ref its callers pin it at', () => {
    // A step's uses: takes no expression, so the release itself must write the ref inside.
    const copy = copyOfRepository()
    expect(run('v1.4.2', '--root', copy).status).toBe(0)
    for (const action of ['promote', 'rollback']) {
      const inside = readFileSync(join(copy, `.github/workflows/${action}.yml`), 'utf8')
      expect(inside).toContain(`uses: acme/immutable-image/${action}@v1.4.2\n`)
    }
    const readme = readFileSync(join(copy, 'README.md'), 'utf8')
    expect(readme).toContain('uses: acme/immutable-image/.github/workflows/promote.yml@v1.4.2\n')
  })

  it('--check names a sub-action ref inside a reusable workflow that disagrees', () => {
    const copy = copyOfRepository()
    const path = join(copy, '.github/workflows/promote.yml')
    const ref = actionRef()
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        `immutable-image/promote@${ref}`,
        'immutable-image/promote@v0'
      )
    )
    const result = run('--check', '--root', copy)
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(
      new RegExp(
        `^\\.github/workflows/promote\\.yml:\\d+: acme/immutable-image/promote@v0, expected @${ref}$`,
        'm'
      )
    )
  })

  it('--check names each ref of ours that disagrees with actionRef', () => {
    const copy = copyOfRepository()
    const path = join(copy, 'workflows/build.yml')
    const ref = actionRef()
    run(ref, '--root', copy)
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(`immutable-image@${ref}`, 'immutable-image@stale')
    )
    const result = run('--check', '--root', copy)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(`: acme/immutable-image@stale, expected @${ref}\n`)
    expect(result.stderr).toMatch(/^workflows\/build\.yml:\d+: /m)
  })
})
