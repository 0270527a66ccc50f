import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { credentialsFromDockerConfig } from '../../src/registry/credentials.js'

function configDir(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'docker-config-'))
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config))
  return dir
}

const auth = (user: string, password: string): string =>
  Buffer.from(`${user}:${password}`).toString('base64')

describe('credentialsFromDockerConfig', () => {
  it('reads what docker login stored for the registry', async () => {
    const dir = configDir({ auths: { 'ghcr.io': { auth: auth('octocat', 'p:ss') } } })
    expect(await credentialsFromDockerConfig('ghcr.io', dir)).toEqual({
      username: 'octocat',
      password: 'p:ss'
    })
  })

  it('matches an entry written as a URL', async () => {
    const dir = configDir({
      auths: { 'https://registry.example.com/v2/': { auth: auth('me', 'pw') } }
    })
    expect(await credentialsFromDockerConfig('registry.example.com', dir)).toEqual({
      username: 'me',
      password: 'pw'
    })
  })

  it('finds Docker Hub under its legacy key', async () => {
    const dir = configDir({ auths: { 'https://index.docker.io/v1/': { auth: auth('hub', 'pw') } } })
    expect(await credentialsFromDockerConfig('docker.io', dir)).toEqual({
      username: 'hub',
      password: 'pw'
    })
  })

  it('gives nothing for another registry, a missing file or a broken one', async () => {
    expect(
      await credentialsFromDockerConfig(
        'quay.io',
        configDir({ auths: { 'ghcr.io': { auth: auth('a', 'b') } } })
      )
    ).toBeUndefined()
    expect(
      await credentialsFromDockerConfig('ghcr.io', mkdtempSync(join(tmpdir(), 'empty-')))
    ).toBeUndefined()
    const broken = mkdtempSync(join(tmpdir(), 'broken-'))
    writeFileSync(join(broken, 'config.json'), '{not json')
    expect(await credentialsFromDockerConfig('ghcr.io', broken)).toBeUndefined()
  })
})
