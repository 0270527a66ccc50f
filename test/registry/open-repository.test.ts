import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { RegistryClient } from '../../src/registry/client.js'
import { openRepository } from '../../src/registry/open-repository.js'
import { parseTag } from '../../src/registry/reference.js'
import { captureStdout } from '../harness/fakes/stdout.js'

const FAST = { attempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxWaitMs: 1, timeoutMs: 2000 }

let server: Server | undefined

afterEach(() => {
  server?.close()
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

/** A registry asking for basic auth; it answers every authorized HEAD with 404 and logs who asked. */
async function basicAuthRegistry(): Promise<{ host: string; authorizations: string[] }> {
  const authorizations: string[] = []
  server = createServer((request, response) => {
    const given = request.headers.authorization
    if (given === undefined) {
      return response.writeHead(401, { 'www-authenticate': 'Basic realm="test"' }).end()
    }
    authorizations.push(given)
    response.writeHead(404).end()
  })
  const listening = server
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve))
  return { host: `127.0.0.1:${(listening.address() as AddressInfo).port}`, authorizations }
}

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
}

function dockerConfigWith(registry: string, username: string, password: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'docker-config-'))
  const auth = Buffer.from(`${username}:${password}`).toString('base64')
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { [registry]: { auth } } }))
  return dir
}

describe('openRepository', () => {
  it('binds a client of the image’s registry to its repository', async () => {
    const repository = await openRepository(
      { registry: 'registry.test', path: 'acme/web' },
      { credentials: undefined }
    )
    expect(repository.name).toBe('registry.test/acme/web')
    expect(repository.client.registry).toBe('registry.test')
  })

  it('sends the credentials given', async () => {
    const registry = await basicAuthRegistry()
    const repository = await openRepository(
      { registry: registry.host, path: 'acme/web' },
      { credentials: { username: 'ci', password: 'given' }, retry: FAST }
    )

    expect(await repository.resolve(parseTag('v1'))).toBeUndefined()
    expect(registry.authorizations).toEqual([basic('ci', 'given')])
  })

  it('falls back to what docker login left, and masks that password', async () => {
    const registry = await basicAuthRegistry()
    vi.stubEnv('DOCKER_CONFIG', dockerConfigWith(registry.host, 'me', 'from-docker-login'))
    const stdout = captureStdout()
    const repository = await openRepository(
      { registry: registry.host, path: 'acme/web' },
      { credentials: undefined, retry: FAST }
    )

    await repository.resolve(parseTag('v1'))
    expect(registry.authorizations).toEqual([basic('me', 'from-docker-login')])
    expect(stdout()).toContain('::add-mask::from-docker-login')
  })
})

describe('RegistryClient.repository', () => {
  it('refuses a repository of another registry', () => {
    const client = new RegistryClient('registry.test', { access: 'pull' })
    expect(() => client.repository({ registry: 'ghcr.io', path: 'acme/web' })).toThrow(
      'a client of registry.test cannot reach ghcr.io/acme/web'
    )
  })
})
