import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  credentialsFromDockerConfig,
  loginFromDockerConfig
} from '../../src/registry/credentials.js'

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

describe('credential helpers', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  /** A docker-credential-<name> on PATH that answers for one server URL only. */
  function installHelper(name: string, serverUrl: string): void {
    const bin = mkdtempSync(join(tmpdir(), 'helper-'))
    const script = join(bin, `docker-credential-${name}`)
    writeFileSync(
      script,
      `#!/bin/sh\nread url\n[ "$1" = get ] && [ "$url" = "${serverUrl}" ] || exit 1\necho '{"ServerURL":"'$url'","Username":"AWS","Secret":"from-helper"}'\n`
    )
    chmodSync(script, 0o755)
    vi.stubEnv('PATH', `${bin}:${process.env.PATH ?? ''}`)
  }

  it('asks the registry’s credHelpers entry', async () => {
    installHelper('ecr-login', '1234.dkr.ecr.eu-west-1.amazonaws.com')
    const dir = configDir({ credHelpers: { '1234.dkr.ecr.eu-west-1.amazonaws.com': 'ecr-login' } })
    expect(await credentialsFromDockerConfig('1234.dkr.ecr.eu-west-1.amazonaws.com', dir)).toEqual({
      username: 'AWS',
      password: 'from-helper'
    })
  })

  it('asks the credsStore with Docker Hub’s server URL when auths holds only a placeholder', async () => {
    installHelper('desktop', 'https://index.docker.io/v1/')
    const dir = configDir({ auths: { 'https://index.docker.io/v1/': {} }, credsStore: 'desktop' })
    expect(await credentialsFromDockerConfig('docker.io', dir)).toEqual({
      username: 'AWS',
      password: 'from-helper'
    })
  })

  it('takes the answer of a helper that exits without reading the server URL', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'helper-'))
    const script = join(bin, 'docker-credential-deaf')
    writeFileSync(script, `#!/bin/sh\necho '{"Username":"AWS","Secret":"from-helper"}'\n`)
    chmodSync(script, 0o755)
    vi.stubEnv('PATH', `${bin}:${process.env.PATH ?? ''}`)
    // Longer than a pipe holds, so the write is still pending when the helper exits: EPIPE.
    const registry = `${'a'.repeat(256 * 1024)}.example.com`
    expect(await credentialsFromDockerConfig(registry, configDir({ credsStore: 'deaf' }))).toEqual({
      username: 'AWS',
      password: 'from-helper'
    })
  })

  it('gives nothing when the helper has no answer or is missing', async () => {
    installHelper('other', 'somewhere-else')
    expect(
      await credentialsFromDockerConfig('ghcr.io', configDir({ credsStore: 'other' }))
    ).toBeUndefined()
    expect(
      await credentialsFromDockerConfig('ghcr.io', configDir({ credsStore: 'not-installed' }))
    ).toBeUndefined()
  })
})

describe('loginFromDockerConfig: what docker push hands the engine', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('is the credentials docker login stored', async () => {
    const dir = configDir({ auths: { 'ghcr.io': { auth: auth('octocat', 'pw') } } })
    expect(await loginFromDockerConfig('ghcr.io', dir)).toEqual({
      username: 'octocat',
      password: 'pw'
    })
  })

  it('is the identity token an auths entry holds beside its placeholder credentials', async () => {
    const dir = configDir({
      auths: { 'acme.azurecr.io': { auth: auth('00000000-0000', ''), identitytoken: 'refresh' } }
    })
    expect(await loginFromDockerConfig('acme.azurecr.io', dir)).toEqual({
      identityToken: 'refresh'
    })
  })

  it('is the identity token a helper answers under the username <token>', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'helper-'))
    const script = join(bin, 'docker-credential-acr')
    writeFileSync(script, `#!/bin/sh\necho '{"Username":"<token>","Secret":"from-helper"}'\n`)
    chmodSync(script, 0o755)
    vi.stubEnv('PATH', `${bin}:${process.env.PATH ?? ''}`)
    expect(
      await loginFromDockerConfig('acme.azurecr.io', configDir({ credsStore: 'acr' }))
    ).toEqual({ identityToken: 'from-helper' })
  })

  it('is none where the config holds nothing for the registry', async () => {
    expect(
      await loginFromDockerConfig(
        'quay.io',
        configDir({ auths: { 'ghcr.io': { auth: auth('a', 'b') } } })
      )
    ).toBeUndefined()
  })
})
