// pushLayout against an in-memory registry: an OCI layout archive, as docker save writes it, pushed by digest.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RegistryClient } from '../../src/registry/client.js'
import { UPLOAD_CHUNK } from '../../src/registry/chunked-upload.js'
import { pushLayout } from '../../src/registry/layout-push.js'
import type { Digest } from '../../src/registry/reference.js'
import {
  digestOf,
  FAST,
  startFakeOciRegistry,
  type FakeOciRegistry
} from '../harness/fakes/oci-registry.js'

const INDEX = 'application/vnd.oci.image.index.v1+json'
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json'

interface Layout {
  readonly archive: string
  readonly root: Digest
  readonly image: string
  readonly layer: string
  readonly attestation: string
}

let fake: FakeOciRegistry
let dir: string

beforeEach(async () => {
  fake = await startFakeOciRegistry()
  dir = mkdtempSync(join(tmpdir(), 'layout-'))
})

afterEach(async () => {
  await fake.close()
  rmSync(dir, { recursive: true, force: true })
})

/**
 * An image index of one platform image and its attestation, as docker save writes it: blobs by
 * digest, index.json naming the index. `tamper` replaces the layer's bytes after they were hashed.
 */
function writeLayout(options: { layerBytes?: Buffer; tamper?: boolean } = {}): Layout {
  const blobs = join(dir, 'layout', 'blobs', 'sha256')
  mkdirSync(blobs, { recursive: true })
  const put = (bytes: Buffer): { digest: string; size: number } => {
    const digest = digestOf(bytes)
    writeFileSync(join(blobs, digest.slice('sha256:'.length)), bytes)
    return { digest, size: bytes.length }
  }
  const layerBytes = options.layerBytes ?? randomBytes(100)
  const layer = put(layerBytes)
  if (options.tamper === true) {
    writeFileSync(join(blobs, layer.digest.slice('sha256:'.length)), Buffer.alloc(layer.size, 1))
  }
  const config = put(Buffer.from('{"architecture":"amd64","os":"linux"}'))
  const manifest = (configBlob: typeof config, layers: (typeof layer)[]): Buffer =>
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MANIFEST,
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...configBlob },
        layers: layers.map((entry) => ({
          mediaType: 'application/vnd.oci.image.layer.v1.tar',
          ...entry
        }))
      })
    )
  const image = put(manifest(config, [layer]))
  const statement = put(Buffer.from('{"_type":"https://in-toto.io/Statement/v0.1"}'))
  const attestation = put(manifest(put(Buffer.from('{}')), [statement]))
  const index = put(
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: INDEX,
        manifests: [
          { mediaType: MANIFEST, ...image, platform: { architecture: 'amd64', os: 'linux' } },
          {
            mediaType: MANIFEST,
            ...attestation,
            annotations: { 'vnd.docker.reference.type': 'attestation-manifest' }
          }
        ]
      })
    )
  )
  writeFileSync(
    join(dir, 'layout', 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      mediaType: INDEX,
      manifests: [{ mediaType: INDEX, ...index }]
    })
  )
  writeFileSync(join(dir, 'layout', 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
  const archive = join(dir, 'image.tar')
  execFileSync('tar', ['-cf', archive, '-C', join(dir, 'layout'), '.'])
  return {
    archive,
    root: index.digest as Digest,
    image: image.digest,
    layer: layer.digest,
    attestation: attestation.digest
  }
}

function client(): RegistryClient {
  return new RegistryClient(fake.host, { access: 'push', retry: FAST })
}

describe('pushLayout', () => {
  it('uploads every blob, then each manifest by digest, the index last, and tags nothing', async () => {
    const layout = writeLayout()
    const pushed = await pushLayout(client(), 'acme/web', layout.archive, layout.root)
    expect(pushed).toEqual({ digest: layout.root, uploaded: 4, present: 0 })
    expect(fake.blobs.has(layout.layer)).toBe(true)
    const manifestPuts = fake.log.filter((line) => line.startsWith('PUT /v2/acme/web/manifests/'))
    expect(manifestPuts.map((line) => line.split('/').at(-1))).toEqual([
      layout.image,
      layout.attestation,
      layout.root
    ])
    const lastBlob = fake.log.findLastIndex((line) => line.startsWith('PUT /v2/acme/web/blobs/'))
    const firstManifest = fake.log.findIndex((line) =>
      line.startsWith('PUT /v2/acme/web/manifests/')
    )
    expect(lastBlob).toBeLessThan(firstManifest)
    expect([...fake.manifests.keys()].every((reference) => reference.startsWith('sha256:'))).toBe(
      true
    )
  })

  it('sends a layer larger than a chunk in chunks, never whole', async () => {
    const layout = writeLayout({ layerBytes: randomBytes(UPLOAD_CHUNK + 1000) })
    await pushLayout(client(), 'acme/web', layout.archive, layout.root)
    expect(fake.blobs.get(layout.layer)?.length).toBe(UPLOAD_CHUNK + 1000)
    expect(fake.log.filter((line) => line.startsWith('PATCH ')).length).toBeGreaterThanOrEqual(2)
  })

  it('skips the blobs the registry has', async () => {
    const layout = writeLayout()
    await pushLayout(client(), 'acme/web', layout.archive, layout.root)
    const again = await pushLayout(client(), 'acme/web', layout.archive, layout.root)
    expect(again).toMatchObject({ uploaded: 0, present: 4 })
  })

  it('refuses a layout that is not the tested image before any request', async () => {
    const layout = writeLayout()
    const other = digestOf('another image') as Digest
    await expect(pushLayout(client(), 'acme/web', layout.archive, other)).rejects.toThrow(
      `the saved image is ${layout.root}, not the tested ${other}`
    )
    expect(fake.log).toEqual([])
  })

  it('never commits bytes that do not hash to their digest, and puts no manifest', async () => {
    const layout = writeLayout({ tamper: true })
    await expect(pushLayout(client(), 'acme/web', layout.archive, layout.root)).rejects.toThrow(
      `the saved bytes of ${layout.layer} hash to`
    )
    expect(fake.blobs.has(layout.layer)).toBe(false)
    expect(fake.manifests.size).toBe(0)
  })
})
