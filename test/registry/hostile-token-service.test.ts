// The registry client against a hostile token service: capped answers, refused realms and redirects.
import { describe, expect, it } from 'vitest'
import { TOKEN_BODY_LIMIT } from '../../src/registry/body.js'
import {
  client,
  closed,
  digestOf,
  endless,
  MANIFEST,
  MiB,
  serveManifest,
  useHostileRegistries
} from './hostile-client.js'

const hostile = useHostileRegistries()

describe('a hostile token service', () => {
  it('cannot make us read an endless token answer', async () => {
    const tokens = await hostile((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      endless(response, ' ')
    })
    const registry = await hostile((_request, response) => {
      response
        .writeHead(401, { 'www-authenticate': `Bearer realm="http://${tokens.host}/token"` })
        .end()
    })
    await expect(client(registry.host).resolve('acme/web', 'v1')).rejects.toThrow(
      `the answer of the token service at ${tokens.host} is larger than 1 MiB: stopped reading`
    )
    await closed()
    expect(tokens.sent()).toBeLessThan(TOKEN_BODY_LIMIT + 8 * MiB)
  })

  it.each([
    ['the cloud metadata service', 'http://169.254.169.254/latest/meta-data/iam'],
    ['a private address', 'https://10.0.0.1/token'],
    ['a link-local IPv6 address', 'https://[fe80::1]/token']
  ])('is refused on %s, naming the registry and the realm', async (_where, realm) => {
    const registry = await hostile((_request, response) => {
      response.writeHead(401, { 'www-authenticate': `Bearer realm="${realm}",service="x"` }).end()
    })
    const error = await client(registry.host)
      .resolve('acme/web', 'v1')
      .catch((caught: unknown) => caught as Error)
    expect((error as Error).message).toMatch(
      new RegExp(`^registry ${registry.host.replace(/\./g, '\\.')} sent us to the token realm '`)
    )
    expect((error as Error).message).toContain(new URL(realm).href.replace(/\/$/, ''))
    expect((error as Error).message).not.toContain('\n')
  })

  it('cannot redirect us to the cloud metadata service', async () => {
    const tokens = await hostile((_request, response) => {
      response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end()
    })
    const registry = await hostile((_request, response) => {
      response
        .writeHead(401, { 'www-authenticate': `Bearer realm="http://${tokens.host}/token"` })
        .end()
    })
    await expect(client(registry.host).resolve('acme/web', 'v1')).rejects.toThrow(
      `registry ${registry.host}: ${tokens.host} redirected GET to 'http://169.254.169.254/latest/meta-data/', which is refused: it uses plain http`
    )
    expect(tokens.requests).toHaveLength(1)
  })

  it('may redirect us within its own neighbourhood, dropping our credentials elsewhere', async () => {
    let seen: string | undefined = 'none'
    const issuer = await hostile((request, response) => {
      seen = request.headers.authorization
      response.writeHead(200).end(JSON.stringify({ token: 'token-1' }))
    })
    const tokens = await hostile((_request, response) => {
      response.writeHead(307, { location: `http://${issuer.host}/issue` }).end()
    })
    const registry = await hostile((request, response) => {
      if (request.headers.authorization === 'Bearer token-1') {
        serveManifest(response)
        return
      }
      response
        .writeHead(401, { 'www-authenticate': `Bearer realm="http://${tokens.host}/token"` })
        .end()
    })
    expect((await client(registry.host).resolve('acme/web', 'v1'))?.digest).toBe(digestOf(MANIFEST))
    expect(seen).toBeUndefined()
  })

  it('cannot put a token with a line break into our headers', async () => {
    const tokens = await hostile((_request, response) => {
      response.writeHead(200).end(JSON.stringify({ token: 'abc\r\nx-evil: 1' }))
    })
    const registry = await hostile((_request, response) => {
      response
        .writeHead(401, { 'www-authenticate': `Bearer realm="http://${tokens.host}/token"` })
        .end()
    })
    await expect(client(registry.host).resolve('acme/web', 'v1')).rejects.toThrow(
      'returned no token'
    )
  })
})
