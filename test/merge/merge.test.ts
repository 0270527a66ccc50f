import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { imageIndex } from '../../src/merge/image-index.js'
import { merge, MergeRefusal } from '../../src/merge/merge.js'
import { checkMerge } from '../../src/merge/merge-check.js'
import { inspectDigest } from '../../src/merge/platform-image.js'
import { RegistryClient } from '../../src/registry/client.js'
import { OCI_INDEX, OCI_MANIFEST } from '../../src/registry/media-types.js'
import { parsePlatform } from '../../src/registry/platform.js'
import type { Digest, Tag } from '../../src/registry/reference.js'
import type { ImageRepository } from '../../src/registry/repository.js'
import type { MergeSettings } from '../../src/settings/merge.js'
import {
  digestOf,
  FAST,
  startFakeOciRegistry,
  type FakeOciRegistry
} from '../harness/fakes/oci-registry.js'

vi.mock('../../src/runner/core.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/runner/core.js')>()),
  info: vi.fn(),
  error: vi.fn()
}))

const SHA = 'a'.repeat(40)
const OTHER = 'b'.repeat(40)
const REVISION = 'org.opencontainers.image.revision'

let fake: FakeOciRegistry
let registry: ImageRepository

beforeEach(async () => {
  fake = await startFakeOciRegistry()
  const client = new RegistryClient(fake.host, {
    access: 'push',
    retry: FAST,
    credentials: undefined
  })
  registry = client.repository({ registry: fake.host, path: 'acme/web' })
})
afterEach(() => fake.close())

function putManifest(mediaType: string, value: unknown): Digest {
  const bytes = Buffer.from(JSON.stringify(value))
  const digest = digestOf(bytes) as Digest
  fake.manifests.set(digest, { bytes, type: mediaType })
  return digest
}

/** A single-platform image as `docker push` of a one-platform build leaves it. */
function platformImage(platform: string, revision = SHA): Digest {
  const { os, architecture, variant } = parsePlatform(platform)
  const config = Buffer.from(
    JSON.stringify({
      os,
      architecture,
      ...(variant === undefined ? {} : { variant }),
      config: { Labels: { [REVISION]: revision } }
    })
  )
  fake.blobs.set(digestOf(config), config)
  return putManifest(OCI_MANIFEST, {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: digestOf(config),
      size: config.length
    },
    layers: []
  })
}

/** What buildx pushes for one platform with provenance: the image and its attestation, in an index. */
function attestedImage(platform: string): { index: Digest; image: Digest; attestation: Digest } {
  const image = platformImage(platform)
  const attestation = putManifest(OCI_MANIFEST, {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    layers: [],
    note: platform
  })
  const index = putManifest(OCI_INDEX, {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: [
      { mediaType: OCI_MANIFEST, digest: image, size: 10, platform: parsePlatform(platform) },
      {
        mediaType: OCI_MANIFEST,
        digest: attestation,
        size: 10,
        platform: { architecture: 'unknown', os: 'unknown' },
        annotations: {
          'vnd.docker.reference.digest': image,
          'vnd.docker.reference.type': 'attestation-manifest'
        }
      }
    ]
  })
  return { index, image, attestation }
}

function settings(digests: Digest[], extraTags: string[] = []): MergeSettings {
  return {
    image: { registry: fake.host, path: 'acme/web' },
    digests,
    extraTags: extraTags as Tag[],
    shaFormat: 'short',
    comment: false,
    credentials: undefined,
    githubToken: ''
  }
}

function tagged(tag: string): string | undefined {
  const stored = fake.manifests.get(tag)
  return stored === undefined ? undefined : digestOf(stored.bytes)
}

describe('inspectDigest', () => {
  it('reads a single image’s platform from its config and its commit from its label', async () => {
    const digest = platformImage('linux/arm/v7')
    expect(await inspectDigest(registry.client, 'acme/web', digest)).toMatchObject({
      kind: 'image',
      platform: { os: 'linux', architecture: 'arm', variant: 'v7' },
      revision: SHA,
      entries: [{ mediaType: OCI_MANIFEST, digest }]
    })
  })

  it('takes a one-platform index apart: the image and its own attestation go into the merge', async () => {
    const { index, image, attestation } = attestedImage('linux/arm64')
    const inspected = await inspectDigest(registry.client, 'acme/web', index)
    expect(inspected).toMatchObject({
      kind: 'image',
      platform: { os: 'linux', architecture: 'arm64' },
      revision: SHA
    })
    expect(inspected.kind === 'image' && inspected.entries.map((entry) => entry.digest)).toEqual([
      image,
      attestation
    ])
  })

  it('counts the platform images of a multi-platform index', async () => {
    const amd64 = platformImage('linux/amd64')
    const arm64 = platformImage('linux/arm64')
    const index = putManifest(OCI_INDEX, {
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [
        { mediaType: OCI_MANIFEST, digest: amd64, size: 1, platform: parsePlatform('linux/amd64') },
        { mediaType: OCI_MANIFEST, digest: arm64, size: 1, platform: parsePlatform('linux/arm64') }
      ]
    })
    expect(await inspectDigest(registry.client, 'acme/web', index)).toEqual({
      kind: 'platforms',
      digest: index,
      count: 2
    })
  })

  it('answers missing for a digest the registry does not hold', async () => {
    const digest = `sha256:${'9'.repeat(64)}` as Digest
    expect(await inspectDigest(registry.client, 'acme/web', digest)).toEqual({
      kind: 'missing',
      digest
    })
  })
})

describe('imageIndex', () => {
  it('lists each image with its platform, the same bytes each time: a re-run puts the same digest', async () => {
    const inspected = await Promise.all(
      [platformImage('linux/amd64'), platformImage('linux/arm64')].map((digest) =>
        inspectDigest(registry.client, 'acme/web', digest)
      )
    )
    const { images } = checkMerge(inspected, SHA, 'image')
    const index = imageIndex(images)
    expect(index.digest).toBe(digestOf(index.bytes))
    expect(imageIndex(images).bytes.equals(index.bytes)).toBe(true)
    const parsed = JSON.parse(index.bytes.toString()) as {
      mediaType: string
      manifests: { platform: unknown }[]
    }
    expect(parsed.mediaType).toBe(OCI_INDEX)
    expect(parsed.manifests.map((entry) => entry.platform)).toEqual([
      { architecture: 'amd64', os: 'linux' },
      { architecture: 'arm64', os: 'linux' }
    ])
  })
})

describe('merge', () => {
  it('puts one index of every platform under the SHA tag and the tags', async () => {
    const amd64 = platformImage('linux/amd64')
    const arm64 = attestedImage('linux/arm64')
    const result = await merge(settings([amd64, arm64.index], ['latest']), SHA, registry)
    expect(result.digest).toBe(tagged('sha-aaaaaaa'))
    expect(tagged('latest')).toBe(result.digest)
    expect(result.tags).toEqual([
      `${fake.host}/acme/web:sha-aaaaaaa`,
      `${fake.host}/acme/web:latest`
    ])
    expect(result.platforms).toEqual([
      { platform: 'linux/amd64', digest: amd64 },
      { platform: 'linux/arm64', digest: arm64.index }
    ])
    const stored = fake.manifests.get('sha-aaaaaaa')
    expect(stored?.type).toBe(OCI_INDEX)
    const index = JSON.parse(stored?.bytes.toString() ?? '{}') as {
      manifests: { digest: string; platform: unknown }[]
    }
    expect(index.manifests.map((entry) => [entry.digest, entry.platform])).toEqual([
      [amd64, { architecture: 'amd64', os: 'linux' }],
      [arm64.image, { architecture: 'arm64', os: 'linux' }],
      [arm64.attestation, { architecture: 'unknown', os: 'unknown' }]
    ])
  })

  it('writes no tag when any digest is refused', async () => {
    const amd64 = platformImage('linux/amd64')
    const foreign = platformImage('linux/arm64', OTHER)
    const refusal = await merge(settings([amd64, foreign], ['latest']), SHA, registry).catch(
      (error: unknown) => error
    )
    expect(refusal).toBeInstanceOf(MergeRefusal)
    expect((refusal as MergeRefusal).result.problems).toEqual([
      `${foreign}: built from commit ${OTHER}, not this commit ${SHA}`
    ])
    expect(fake.log.filter((line) => line.startsWith('PUT'))).toEqual([])
  })
})
