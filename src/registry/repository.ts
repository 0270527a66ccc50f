// One repository of a registry, addressed by typed tags and digests.
import type { Manifest, ManifestDescriptor, RegistryClient } from './client.js'
import { repositoryName, type Digest, type Repository, type Tag } from './reference.js'

/** The manifest operations promotion and push need, on one repository. */
export interface ManifestStore {
  /** `registry/path`, as Docker prints it. */
  readonly name: string
  /** What a tag or digest points at, or undefined when the registry has no such manifest. */
  resolve(reference: Tag | Digest): Promise<ManifestDescriptor | undefined>
  /** The manifest's exact bytes, verified against its digest; undefined when absent. */
  fetch(reference: Tag | Digest): Promise<Manifest | undefined>
  /** Puts the exact bytes under a tag; returns the digest the registry stored. */
  put(tag: Tag, manifest: Manifest): Promise<Digest>
}

export class ImageRepository implements ManifestStore {
  readonly name: string

  constructor(
    readonly client: RegistryClient,
    readonly image: Repository
  ) {
    this.name = repositoryName(image)
  }

  resolve(reference: Tag | Digest): Promise<ManifestDescriptor | undefined> {
    return this.client.resolve(this.image.path, reference)
  }

  fetch(reference: Tag | Digest): Promise<Manifest | undefined> {
    return this.client.fetch(this.image.path, reference)
  }

  put(tag: Tag, manifest: Manifest): Promise<Digest> {
    return this.client.put(this.image.path, tag, manifest)
  }

  /** Requests sent, tokens included, for logs and benchmarks. */
  get requestCount(): number {
    return this.client.requestCount
  }
}
