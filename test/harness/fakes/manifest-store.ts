// An in-memory repository: tags pointing at manifests by digest, every put logged, puts made to fail.
import type { Manifest, ManifestDescriptor } from '../../../src/registry/client.js'
import { sha256Digest } from '../../../src/registry/digest.js'
import { isDigest, type Digest, type Tag } from '../../../src/registry/reference.js'
import type { ManifestStore } from '../../../src/registry/repository.js'

/** A distinct OCI manifest per label, with its true digest. */
export function manifestFor(label: string): Manifest {
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { digest: `sha256:${label}` },
      layers: []
    })
  )
  return {
    digest: sha256Digest(bytes),
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    size: bytes.length,
    bytes
  }
}

export class FakeManifestStore implements ManifestStore {
  readonly name = 'registry.test/acme/web'
  readonly tags = new Map<string, Digest>()
  readonly puts: { tag: Tag; digest: Digest }[] = []
  /** Decides, before each put is stored, whether it fails; numbered from 1. */
  failPut: (tag: Tag, attempt: number) => Error | undefined = () => undefined
  private readonly manifests = new Map<string, Manifest>()

  /** Stores a manifest, optionally under tags, as an earlier push would have. */
  add(manifest: Manifest, ...tags: string[]): Manifest {
    this.manifests.set(manifest.digest, manifest)
    for (const tag of tags) this.tags.set(tag, manifest.digest)
    return manifest
  }

  /** Where each tag points now, for a whole-repository comparison. */
  snapshot(): Record<string, Digest> {
    return Object.fromEntries(this.tags)
  }

  resolve(reference: Tag | Digest): Promise<ManifestDescriptor | undefined> {
    const manifest = this.lookup(reference)
    return Promise.resolve(
      manifest && { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.size }
    )
  }

  fetch(reference: Tag | Digest): Promise<Manifest | undefined> {
    return Promise.resolve(this.lookup(reference))
  }

  put(tag: Tag, manifest: Manifest): Promise<Digest> {
    const failure = this.failPut(tag, this.puts.length + 1)
    this.puts.push({ tag, digest: manifest.digest })
    if (failure !== undefined) return Promise.reject(failure)
    this.manifests.set(manifest.digest, manifest)
    this.tags.set(tag, manifest.digest)
    return Promise.resolve(manifest.digest)
  }

  private lookup(reference: string): Manifest | undefined {
    const digest = isDigest(reference) ? reference : this.tags.get(reference)
    return digest === undefined ? undefined : this.manifests.get(digest)
  }
}
