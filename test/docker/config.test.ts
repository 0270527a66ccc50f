import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { keepLoginInFile, login } from '../../src/docker/config.js'
import { Docker } from '../../src/docker/docker.js'

describe('keepLoginInFile', () => {
  it('pins the registry to the file store, keeping credsStore for every other registry', () => {
    expect(keepLoginInFile({ credsStore: 'desktop', auths: {} }, 'ghcr.io')).toEqual({
      credsStore: 'desktop',
      auths: {},
      credHelpers: { 'ghcr.io': '' }
    })
  })

  it('replaces the registry’s own helper and keeps the helpers of others', () => {
    const config = {
      credHelpers: { 'ghcr.io': 'gh', '1234.dkr.ecr.eu-west-1.amazonaws.com': 'ecr-login' }
    }
    expect(keepLoginInFile(config, 'ghcr.io').credHelpers).toEqual({
      'ghcr.io': '',
      '1234.dkr.ecr.eu-west-1.amazonaws.com': 'ecr-login'
    })
  })

  it('pins every name Docker Hub’s login may be stored under', () => {
    expect(keepLoginInFile({ credsStore: 'pass' }, 'docker.io').credHelpers).toEqual({
      'docker.io': '',
      'index.docker.io': '',
      'registry-1.docker.io': '',
      'https://index.docker.io/v1/': ''
    })
  })

  it('adds the pin to a config without helpers', () => {
    expect(keepLoginInFile({}, '127.0.0.1:5000')).toEqual({ credHelpers: { '127.0.0.1:5000': '' } })
  })
})

describe('login', () => {
  const credentials = { username: 'ci', password: 'p@ss:word' }

  function ownConfig(config?: unknown): { dir: string; read: () => Record<string, unknown> } {
    const dir = mkdtempSync(join(tmpdir(), 'login-'))
    if (config !== undefined) writeFileSync(join(dir, 'config.json'), JSON.stringify(config))
    return {
      dir,
      read: () =>
        JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>
    }
  }

  it('writes the auths entry docker login writes, readable by the owner only, starting no process', async () => {
    const { dir, read } = ownConfig({
      auths: { 'other.io': { auth: 'b3RoZXI=' } },
      credsStore: 'desktop'
    })
    await login(new Docker().withConfig(dir), '127.0.0.1:5555', credentials)
    expect(read()).toEqual({
      auths: {
        'other.io': { auth: 'b3RoZXI=' },
        '127.0.0.1:5555': { auth: Buffer.from('ci:p@ss:word').toString('base64') }
      },
      credsStore: 'desktop',
      credHelpers: { '127.0.0.1:5555': '' }
    })
    expect(statSync(join(dir, 'config.json')).mode & 0o777).toBe(0o600)
  })

  it('files Docker Hub under the key docker login uses', async () => {
    const { dir, read } = ownConfig()
    await login(new Docker().withConfig(dir), 'docker.io', credentials)
    expect(Object.keys(read().auths as object)).toEqual(['https://index.docker.io/v1/'])
  })

  it('refuses a config that is not a JSON object, naming it', async () => {
    const { dir } = ownConfig([1, 2])
    await expect(login(new Docker().withConfig(dir), 'ghcr.io', credentials)).rejects.toThrow(
      `the Docker config ${join(dir, 'config.json')} is not a JSON object`
    )
  })
})
