// The registry client reads what a hostile registry sends through caps, as one safe line.
import { describe, expect, it } from 'vitest'
import { MANIFEST_BODY_LIMIT } from '../../src/registry/body.js'
import { DOCKER_MANIFEST } from '../../src/registry/media-types.js'
import {
  client,
  closed,
  digestOf,
  endless,
  MANIFEST,
  MiB,
  useHostileRegistries
} from './hostile-client.js'

const hostile = useHostileRegistries()

describe('a registry that streams an endless manifest', () => {
  it('stops reading past 4 MiB and fails with one line, keeping memory bounded', async () => {
    const registry = await hostile((_request, response) => {
      response.writeHead(200, { 'content-type': DOCKER_MANIFEST })
      endless(response)
    })
    const heapBefore = process.memoryUsage().arrayBuffers
    await expect(client(registry.host).fetch('acme/web', 'v1')).rejects.toThrow(
      /^registry 127\.0\.0\.1:\d+: the manifest of acme\/web:v1 is larger than 4 MiB: stopped reading$/
    )
    await closed()
    expect(registry.requests).toEqual(['GET /v2/acme/web/manifests/v1'])
    // Socket buffers on both sides hold a few MiB at most; 1.5 GB would be sent without the cap.
    expect(registry.sent()).toBeGreaterThan(MANIFEST_BODY_LIMIT)
    expect(registry.sent()).toBeLessThan(MANIFEST_BODY_LIMIT + 8 * MiB)
    expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(64 * MiB)
  })

  it('refuses a Content-Length over the cap before reading the body', async () => {
    // A kilobyte, then nothing: only a client that trusts the header fails before its read times out.
    const registry = await hostile((_request, response) => {
      response.writeHead(200, { 'content-type': DOCKER_MANIFEST, 'content-length': '1500000000' })
      response.write(Buffer.alloc(1024, 'x'))
    })
    await expect(client(registry.host).fetch('acme/web', 'v1')).rejects.toThrow(
      /the manifest of acme\/web:v1 is larger than 4 MiB: stopped reading$/
    )
    expect(registry.requests).toEqual(['GET /v2/acme/web/manifests/v1'])
  })

  it('caps an error body at 1 MiB', async () => {
    const registry = await hostile((_request, response) => {
      response.writeHead(400, { 'content-type': 'application/json' })
      endless(response)
    })
    await expect(client(registry.host).fetch('acme/web', 'v1')).rejects.toThrow(
      /the error answer to GET 127\.0\.0\.1:\d+ is larger than 1 MiB: stopped reading/
    )
  })

  it('caps a config blob', async () => {
    const registry = await hostile((_request, response) => {
      response.writeHead(200)
      endless(response)
    })
    await expect(
      client(registry.host).fetchBlob('acme/web', digestOf(MANIFEST), 2 * MiB)
    ).rejects.toThrow('(at most 2 MiB) is larger than 2 MiB: stopped reading')
  })
})

describe('text a registry sends', () => {
  it('reaches an error message as one capped line', async () => {
    const registry = await hostile((_request, response) => {
      response.writeHead(403, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          errors: [
            {
              code: 'DENIED',
              message: `no\n::error::planted\r\n::add-mask::x ${'y'.repeat(1000)}`
            }
          ]
        })
      )
    })
    const error = await client(registry.host)
      .fetch('acme/web', 'v1')
      .catch((caught: unknown) => caught as Error)
    expect((error as Error).message).toMatch(
      /^registry .* could not fetch acme\/web:v1: 403 DENIED \(no ::error::planted ::add-mask::x y+…\)$/
    )
    expect((error as Error).message.length).toBeLessThan(320)
  })

  it('reaches an unsupported media type message as one line', async () => {
    const registry = await hostile((_request, response) => {
      const body = Buffer.from(JSON.stringify({ mediaType: 'x\n::error::planted' }))
      response
        .writeHead(200, { 'content-type': 'text/plain', 'docker-content-digest': digestOf(body) })
        .end(body)
    })
    await expect(client(registry.host).fetch('acme/web', 'v1')).rejects.toThrow(
      "has an unsupported media type 'x ::error::planted'"
    )
  })
})
