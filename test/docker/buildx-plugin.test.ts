import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findBuildxPlugin } from '../../src/docker/buildx-plugin.js'

let root: string

function plugin(dir: string, mode = 0o755): string {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, 'docker-buildx')
  writeFileSync(path, '#!/bin/sh\n')
  chmodSync(path, mode)
  return path
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'buildx-plugin-'))
})

afterEach(() => {
  rmSync(root, { recursive: true, force: true })
})

describe('findBuildxPlugin, in the docker CLI’s order', () => {
  it('takes the config directory’s cli-plugins first', async () => {
    const config = join(root, 'config')
    const own = plugin(join(config, 'cli-plugins'))
    plugin(join(root, 'system'))
    expect(await findBuildxPlugin(config, [join(root, 'system')])).toBe(own)
  })

  it('then the config file’s cliPluginsExtraDirs, then the system directories', async () => {
    const config = join(root, 'config')
    mkdirSync(config)
    const extra = plugin(join(root, 'extra'))
    const system = plugin(join(root, 'system-2'))
    writeFileSync(
      join(config, 'config.json'),
      JSON.stringify({ cliPluginsExtraDirs: ['relative/ignored', join(root, 'extra')] })
    )
    expect(await findBuildxPlugin(config, [join(root, 'system-1'), join(root, 'system-2')])).toBe(
      extra
    )
    rmSync(join(config, 'config.json'))
    expect(await findBuildxPlugin(config, [join(root, 'system-1'), join(root, 'system-2')])).toBe(
      system
    )
  })

  it('skips a file that is not executable and a config that is not JSON', async () => {
    const config = join(root, 'config')
    plugin(join(config, 'cli-plugins'), 0o644)
    writeFileSync(join(config, 'config.json'), '{not json')
    expect(await findBuildxPlugin(config, [])).toBeUndefined()
  })
})
