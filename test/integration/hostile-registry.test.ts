// Promote against registries on loopback that attack the client: endless bodies, hostile realms, planted commands.
import { describe, expect } from 'vitest'
import {
  endless,
  it,
  useHostileRegistries,
  type ActionRun,
  type PromotionRunner
} from '../harness/index.js'

const MiB = 1024 * 1024
const MANIFEST_LIMIT = 4 * MiB

const hostile = useHostileRegistries()

function promoteFrom(promote: PromotionRunner, host: string): Promise<ActionRun> {
  return promote({
    registry: host,
    repository: 'acme/web',
    login: false,
    inputs: {
      username: 'ci',
      password: 'hostile-test-password',
      source: 'sha-1234567',
      target: 'staging',
      record: 'false'
    }
  })
}

describe('promote against a hostile registry', () => {
  it('stops reading an endless manifest at 4 MiB and fails with one line', async ({ promote }) => {
    const registry = await hostile((request, response) => {
      if (request.method === 'HEAD') return response.writeHead(404).end()
      response.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' })
      endless(response, ' ')
    })
    const result = await promoteFrom(promote, registry.host)
    expect(result.main.exitCode).toBe(1)
    expect(result.errors).toEqual([
      `::error::registry ${registry.host}: the manifest of acme/web:sha-1234567 is larger than 4 MiB: stopped reading`
    ])
    // What the registry managed to send before we hung up: the cap plus socket buffers.
    expect(registry.sent()).toBeLessThan(MANIFEST_LIMIT + 8 * MiB)
  })

  it('does not follow a token realm to the cloud metadata service', async ({ promote }) => {
    const registry = await hostile((_request, response) => {
      response
        .writeHead(401, {
          'www-authenticate': 'Bearer realm="http://169.254.169.254/latest/meta-data/",service="x"'
        })
        .end()
    })
    const result = await promoteFrom(promote, registry.host)
    expect(result.main.exitCode).toBe(1)
    expect(result.errors).toEqual([
      `::error::registry ${registry.host} sent us to the token realm 'http://169.254.169.254/latest/meta-data/', which is refused: it uses plain http: credentials go only over https`
    ])
  })

  it('prints a registry error message as one line, not as workflow commands', async ({
    promote
  }) => {
    const registry = await hostile((request, response) => {
      if (request.method === 'HEAD') return response.writeHead(404).end()
      response.writeHead(403, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          errors: [{ code: 'DENIED', message: 'no\n::error::planted\n::add-mask::x' }]
        })
      )
    })
    const result = await promoteFrom(promote, registry.host)
    expect(result.main.exitCode).toBe(1)
    expect(result.main.stdout).not.toMatch(/^::error::planted/m)
    expect(result.main.stdout).not.toMatch(/^::add-mask::x/m)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toContain('(no ::error::planted ::add-mask::x)')
  })
})
