import { describe, expect, it } from 'vitest'
import type { Docker } from '../../src/docker/docker.js'
import type { PushResult } from '../../src/docker/engine-push.js'
import { digestFromPushOutput } from '../../src/docker/engine-push.js'
import {
  isPushWorthRepeating,
  isRegistryServerError,
  pushShaTag
} from '../../src/pipeline/image-push.js'
import { OCI_INDEX, OCI_MANIFEST } from '../../src/registry/media-types.js'
import type { Repository, Tag } from '../../src/registry/reference.js'
import type { ImageRepository } from '../../src/registry/repository.js'
import { describeCommand } from '../../src/pipeline/image-test.js'

describe('digestFromPushOutput', () => {
  it('reads the digest docker push prints last', () => {
    const digest = `sha256:${'e'.repeat(64)}`
    expect(digestFromPushOutput(`abc: Pushed\nsha-1: digest: ${digest} size: 1150\n`)).toBe(digest)
  })

  it('gives nothing when the output has no digest', () => {
    expect(digestFromPushOutput('Everything up-to-date')).toBeUndefined()
  })
})

describe('describeCommand', () => {
  it('shows a shell command as written and an exec-form command as JSON', () => {
    expect(describeCommand(['/bin/sh', '-c', 'npm test'])).toBe('npm test')
    expect(describeCommand(['npm', 'test'])).toBe('["npm","test"]')
  })
})

describe('isRegistryServerError', () => {
  it.each([
    [
      'unexpected status from HEAD request to http://r/v2/a/manifests/t: 500 Internal Server Error',
      true
    ],
    ['received unexpected HTTP status: 503 Service Unavailable', true],
    ['unexpected status from PUT request to http://r/v2/a/manifests/t: 401 Unauthorized', false],
    ['denied: requested access to the resource is denied', false],
    ['500 Internal Server Error\nunauthorized: authentication required', false]
  ])('%j: %s', (output, expected) => {
    expect(isRegistryServerError(output)).toBe(expected)
  })
})

describe('isPushWorthRepeating', () => {
  it.each([
    ['received unexpected HTTP status: 503 Service Unavailable', true],
    [
      'manifest list/index references to blobs and/or manifests are missing in your target registry: unexpected status from PUT request to http://r/v2/a/manifests/t: 400 Bad Request',
      true
    ],
    ['unexpected status from PUT request to http://r/v2/a/manifests/t: 400 Bad Request', false],
    ['denied: requested access to the resource is denied', false]
  ])('%j: %s', (output, expected) => {
    expect(isPushWorthRepeating(output)).toBe(expected)
  })
})

interface Listed {
  readonly digest: string
  readonly mediaType: string
  readonly size: number
}

describe('pushShaTag', () => {
  const OURS = `sha256:${'a'.repeat(64)}`
  const THEIRS = `sha256:${'b'.repeat(64)}`
  const image: Repository = { registry: 'r.test:5000', path: 'acme/web' }
  const listed = { digest: OURS, mediaType: 'application/vnd.oci.image.manifest.v1+json', size: 9 }

  /** An engine whose pushes answer in turn, and a registry that lists `digest` under the tag. */
  function push(answers: PushResult[], digest: string | Listed[] = OURS) {
    const calls: string[] = []
    const docker = {
      push: (repository: string, tag: string, registry: string) => {
        calls.push(`${repository}:${tag} to ${registry}`)
        return Promise.resolve(answers.shift())
      }
    } as unknown as Docker
    const looked: Listed[] = []
    const registry = {
      resolve: () => {
        const answer = typeof digest === 'string' ? { ...listed, digest } : digest.shift()
        if (answer !== undefined) looked.push(answer)
        return Promise.resolve(answer)
      }
    } as unknown as ImageRepository
    return { calls, looked, pushing: pushShaTag(docker, registry, image, 'sha-1' as Tag) }
  }

  const ok: PushResult = { exitCode: 0, stdout: '', stderr: '', digest: OURS }
  const failed = (stderr: string): PushResult => ({
    exitCode: 1,
    stdout: '',
    stderr,
    digest: undefined
  })

  it('pushes once more after a registry 5xx, and gives the registry’s look-up', async () => {
    const { calls, pushing } = push([
      failed('received unexpected HTTP status: 502 Bad Gateway\n'),
      ok
    ])
    expect(await pushing).toEqual({ digest: OURS, manifest: listed, ours: true })
    expect(calls).toEqual([
      'r.test:5000/acme/web:sha-1 to r.test:5000',
      'r.test:5000/acme/web:sha-1 to r.test:5000'
    ])
  })

  it('says the authentication failed, quoting the registry safely', async () => {
    const { pushing } = push([failed('unauthorized: authentication required\n')])
    await expect(pushing).rejects.toThrow(
      'pushing r.test:5000/acme/web:sha-1 failed: authentication failed for registry r.test:5000 (unauthorized: authentication required)'
    )
  })

  it('pushes once more when the registry lacked children of the index', async () => {
    const { calls, pushing } = push([
      failed(
        'manifest list/index references to blobs and/or manifests are missing in your target registry: unexpected status from PUT request to http://r.test:5000/v2/acme/web/manifests/sha-1: 400 Bad Request\n'
      ),
      ok
    ])
    expect(await pushing).toMatchObject({ digest: OURS, ours: true })
    expect(calls).toHaveLength(2)
  })

  it('waits out another run’s push caught halfway: its lone manifests, then its index', async () => {
    const platformImage = { digest: THEIRS, mediaType: OCI_MANIFEST, size: 9 }
    const attestation = { digest: `sha256:${'c'.repeat(64)}`, mediaType: OCI_MANIFEST, size: 5 }
    const index = { digest: `sha256:${'d'.repeat(64)}`, mediaType: OCI_INDEX, size: 7 }
    const { looked, pushing } = push([ok], [platformImage, attestation, index])
    expect(await pushing).toEqual({ digest: index.digest, manifest: index, ours: false })
    expect(looked).toEqual([platformImage, attestation, index])
  })

  it('is not ours when the registry lists another digest than the engine pushed', async () => {
    const { pushing } = push([ok], THEIRS)
    expect(await pushing).toMatchObject({ digest: THEIRS, ours: false })
  })
})
