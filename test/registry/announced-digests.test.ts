// The registry client verifies every digest a registry announces, with the algorithm it names.
import { describe, expect, it } from 'vitest'
import { DOCKER_MANIFEST } from '../../src/registry/media-types.js'
import {
  client,
  digestOf,
  MANIFEST,
  serveManifest,
  useHostileRegistries
} from './hostile-client.js'

const hostile = useHostileRegistries()

describe('digests a registry announces', () => {
  it('verifies a sha512 Docker-Content-Digest with sha512', async () => {
    const honest = await hostile((_request, response) => {
      serveManifest(response, { 'docker-content-digest': digestOf(MANIFEST, 'sha512') })
    })
    expect((await client(honest.host).fetch('acme/web', 'v1'))?.digest).toBe(digestOf(MANIFEST))
    const liar = await hostile((_request, response) => {
      serveManifest(response, {
        'docker-content-digest': digestOf(Buffer.from('other'), 'sha512')
      })
    })
    await expect(client(liar.host).fetch('acme/web', 'v1')).rejects.toThrow(
      'does not match its digest sha512:'
    )
  })

  it('refuses an algorithm it cannot verify', async () => {
    const registry = await hostile((_request, response) => {
      serveManifest(response, { 'docker-content-digest': `blake3:${'a'.repeat(64)}` })
    })
    await expect(client(registry.host).fetch('acme/web', 'v1')).rejects.toThrow(
      "uses the digest algorithm 'blake3', which cannot be verified"
    )
  })

  it('refuses a digest header outside the OCI grammar', async () => {
    const registry = await hostile((_request, response) => {
      serveManifest(response, { 'docker-content-digest': 'sha256:../../other/app' })
    })
    await expect(client(registry.host).fetch('acme/web', 'v1')).rejects.toThrow(
      "is not a digest: 'sha256:../../other/app'"
    )
  })

  it('fails a put when the registry stored other bytes than were sent', async () => {
    const registry = await hostile((request, response) => {
      request.resume()
      request.on('end', () =>
        response
          .writeHead(201, { 'docker-content-digest': digestOf(Buffer.from('something else')) })
          .end()
      )
    })
    await expect(
      client(registry.host, 'push').put('acme/web', 'staging', {
        digest: digestOf(MANIFEST),
        mediaType: DOCKER_MANIFEST,
        size: MANIFEST.length,
        bytes: MANIFEST
      })
    ).rejects.toThrow(
      `stored acme/web:staging as ${digestOf(Buffer.from('something else'))}, but the manifest sent was ${digestOf(MANIFEST)}`
    )
  })

  it('accepts a put answered with the sha512 of the same bytes', async () => {
    const registry = await hostile((request, response) => {
      request.resume()
      request.on('end', () =>
        response.writeHead(201, { 'docker-content-digest': digestOf(MANIFEST, 'sha512') }).end()
      )
    })
    expect(
      await client(registry.host, 'push').put('acme/web', 'staging', {
        digest: digestOf(MANIFEST),
        mediaType: DOCKER_MANIFEST,
        size: MANIFEST.length,
        bytes: MANIFEST
      })
    ).toBe(digestOf(MANIFEST))
  })

  it('never asks for a reference that is neither a tag nor a digest', async () => {
    const registry = await hostile((_request, response) => {
      serveManifest(response)
    })
    await expect(
      client(registry.host).fetch('acme/web', 'sha256:../../../other/app/manifests/latest')
    ).rejects.toThrow('is not a digest')
    expect(registry.requests).toEqual([])
  })

  it('verifies a blob against its digest', async () => {
    const registry = await hostile((_request, response) => response.writeHead(200).end('tampered'))
    await expect(client(registry.host).fetchBlob('acme/web', digestOf(MANIFEST))).rejects.toThrow(
      `the blob acme/web@${digestOf(MANIFEST)} does not match its digest`
    )
  })
})
