// A referrer's blobs name no subject: withBlobsUploading sends them before the subject exists, and
// pushReferrer then puts only the manifests.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pushReferrer, withBlobsUploading } from '../../src/registry/referrers.js'
import {
  digestOf,
  startFakeOciRegistry,
  type FakeOciRegistry
} from '../harness/fakes/oci-registry.js'

const MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const TYPE = 'application/vnd.example.report.v1+json'
const SUBJECT = { mediaType: MANIFEST, digest: `sha256:${'a'.repeat(64)}`, size: 500 }
const ARTIFACT = { artifactType: TYPE, mediaType: TYPE, bytes: Buffer.from('one'), fresh: true }

let fake: FakeOciRegistry

beforeEach(async () => {
  fake = await startFakeOciRegistry()
})

afterEach(async () => {
  await fake.close()
})

describe('withBlobsUploading', () => {
  it('uploads the blobs at once, and pushReferrer then sends manifests alone', async () => {
    const transport = fake.transport()
    const staged = withBlobsUploading(transport, 'acme/web', ARTIFACT)
    await staged.uploaded
    expect(fake.blobs.get(digestOf('one'))?.toString()).toBe('one')
    const before = fake.log.length
    const pushed = await pushReferrer(transport, 'acme/web', SUBJECT, {
      ...staged,
      annotations: { note: 'added when pushed' }
    })
    expect(fake.log.slice(before).filter((line) => line.includes('/blobs/'))).toEqual([])
    const manifest = JSON.parse(fake.manifests.get(pushed.digest)?.bytes.toString() ?? '{}') as {
      layers: { digest: string }[]
      annotations: Record<string, string>
    }
    expect(manifest.layers.map((layer) => layer.digest)).toEqual([digestOf('one')])
    expect(manifest.annotations).toEqual({ note: 'added when pushed' })
  })

  it('leaves a failed upload to pushReferrer, which fails and puts no manifest', async () => {
    fake.override = (method) => (method === 'POST' ? { status: 503 } : undefined)
    const staged = withBlobsUploading(fake.transport(), 'acme/web', ARTIFACT)
    await staged.uploaded?.catch(() => undefined)
    await expect(pushReferrer(fake.transport(), 'acme/web', SUBJECT, staged)).rejects.toThrow(
      'could not start an upload: 503'
    )
    expect(fake.log.filter((line) => line.startsWith('PUT'))).toEqual([])
  })
})
