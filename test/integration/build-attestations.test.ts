// provenance on buildx with the containerd store: off, a lone manifest is pushed; on, the pushed
// index carries the attestation manifest, and promotion moves that index byte for byte.
import { describe, expect } from 'vitest'
import {
  freshRepository,
  it,
  makeWorkspace,
  storedObjects,
  tagDigest,
  type ActionRun
} from '../harness/index.js'

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
/** A lone image manifest, in either spelling: buildx's docker exporter writes Docker's. */
const IMAGE_MANIFESTS = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
]

interface IndexJson {
  readonly manifests: {
    readonly digest: string
    readonly annotations?: Record<string, string>
  }[]
}

async function pushedManifest(
  path: string,
  tag: string
): Promise<{ mediaType: string; bytes: Buffer }> {
  const [manifest] = await storedObjects(path, tag)
  if (manifest === undefined) throw new Error(`nothing under ${path}:${tag}`)
  return { mediaType: manifest.mediaType, bytes: manifest.content }
}

function attestations(index: IndexJson): string[] {
  return index.manifests
    .filter((entry) => entry.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest')
    .map((entry) => entry.digest)
}

describe('provenance: false', () => {
  it('builds a lone manifest, which is read back, tested and pushed', async ({ build }) => {
    const path = freshRepository('provenance-off')
    const workspace = makeWorkspace()
    const run = await build({ workspace, repository: path, inputs: { provenance: 'false' } })
    expect(run.main.exitCode, run.main.stdout).toBe(0)
    const shaTag = `sha-${workspace.sha.slice(0, 7)}`
    expect(await tagDigest(path, shaTag)).toBe(run.outputs.digest)
    expect(IMAGE_MANIFESTS).toContain((await pushedManifest(path, shaTag)).mediaType)
  })
})

describe.each(['mode=max', 'mode=min'])('provenance: %s', (provenance) => {
  const path = freshRepository('provenance-on')
  const workspace = makeWorkspace()
  const shaTag = `sha-${workspace.sha.slice(0, 7)}`
  let run: ActionRun

  it.beforeAll(async ({ build }) => {
    run = await build({ workspace, repository: path, inputs: { provenance } })
  })

  it('pushes an index holding an attestation manifest', async () => {
    expect(run.main.exitCode, run.main.stdout).toBe(0)
    expect(await tagDigest(path, shaTag)).toBe(run.outputs.digest)
    const { mediaType, bytes } = await pushedManifest(path, shaTag)
    expect(mediaType).toBe(OCI_INDEX)
    expect(attestations(JSON.parse(bytes.toString('utf8')) as IndexJson)).toHaveLength(1)
  })

  it('is promoted whole: the same index, byte for byte, attestation inside', async ({
    promote
  }) => {
    const promoted = await promote({
      repository: path,
      inputs: { source: shaTag, target: 'staging', record: 'false' }
    })
    expect(promoted.main.exitCode, promoted.main.stdout).toBe(0)
    expect(await tagDigest(path, 'staging')).toBe(run.outputs.digest)
    const source = await pushedManifest(path, shaTag)
    const target = await pushedManifest(path, 'staging')
    expect(target.bytes.equals(source.bytes)).toBe(true)
    expect(attestations(JSON.parse(target.bytes.toString('utf8')) as IndexJson)).toHaveLength(1)
  })
})
