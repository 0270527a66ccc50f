// Pushes the image of an OCI image layout archive (as `docker save` writes it) by digest, no tag:
// every blob first, then each manifest, the one the layout names last.
import type { FileHandle } from 'node:fs/promises'
import { MANIFEST_BODY_LIMIT } from './body.js'
import type { BlobDescriptor } from './blob-upload.js'
import { uploadFileBlob } from './chunked-upload.js'
import type { Manifest, RegistryClient } from './client.js'
import { sha256Digest } from './digest.js'
import { registryText } from './errors.js'
import { isIndexMediaType, MANIFEST_MEDIA_TYPES } from './media-types.js'
import { isDigest, type Digest } from './reference.js'
import { tarEntries, type TarEntry } from './tar-entries.js'

export class LayoutError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LayoutError'
  }
}

/** A layout holds one image: an index of a few platforms and their attestations at most. */
const MAX_MANIFESTS = 64

interface RawDescriptor {
  readonly mediaType?: unknown
  readonly digest?: unknown
  readonly size?: unknown
}

interface LayoutImage {
  /** Children before their index, so each manifest is put after everything it names. */
  readonly manifests: Manifest[]
  readonly blobs: Map<string, BlobDescriptor>
}

export interface LayoutPush {
  readonly digest: Digest
  readonly uploaded: number
  readonly present: number
}

export async function pushLayout(
  client: RegistryClient,
  repository: string,
  archive: string,
  expected: Digest
): Promise<LayoutPush> {
  const file = await process.getBuiltinModule('node:fs/promises').open(archive, 'r')
  try {
    const entries = await tarEntries(file)
    const root = rootDescriptor(await readEntry(file, entries, 'index.json', MANIFEST_BODY_LIMIT))
    if (root.digest !== expected) {
      throw new LayoutError(`the saved image is ${root.digest}, not the tested ${expected}`)
    }
    const image: LayoutImage = { manifests: [], blobs: new Map() }
    await collect(file, entries, root, image)
    let uploaded = 0
    for (const blob of image.blobs.values()) {
      const entry = blobEntry(entries, blob.digest)
      const done = await uploadFileBlob(client.transport, repository, blob, file, entry)
      if (done === 'uploaded') uploaded++
    }
    for (const manifest of image.manifests) await client.put(repository, manifest.digest, manifest)
    return { digest: expected, uploaded, present: image.blobs.size - uploaded }
  } finally {
    await file.close()
  }
}

/** The one image the layout's index.json names (docker save wraps it with its name). */
function rootDescriptor(bytes: Buffer): BlobDescriptor {
  const { manifests } = parse(bytes, 'index.json') as { manifests?: unknown }
  if (!Array.isArray(manifests) || manifests.length !== 1) {
    throw new LayoutError('the saved layout’s index.json does not name exactly one image')
  }
  return descriptor(manifests[0] as RawDescriptor, 'index.json')
}

async function collect(
  file: FileHandle,
  entries: ReadonlyMap<string, TarEntry>,
  manifest: BlobDescriptor,
  image: LayoutImage
): Promise<void> {
  if (!MANIFEST_MEDIA_TYPES.includes(manifest.mediaType)) {
    throw new LayoutError(
      `${manifest.digest} is a ${registryText(manifest.mediaType)}, not a manifest`
    )
  }
  if (image.manifests.length >= MAX_MANIFESTS) {
    throw new LayoutError(`the saved image has more than ${MAX_MANIFESTS} manifests`)
  }
  const bytes = await readEntry(file, entries, blobPath(manifest.digest), MANIFEST_BODY_LIMIT)
  if (sha256Digest(bytes) !== manifest.digest || bytes.length !== manifest.size) {
    throw new LayoutError(`the saved manifest ${manifest.digest} does not match its digest`)
  }
  const body = parse(bytes, manifest.digest) as {
    manifests?: unknown
    config?: unknown
    layers?: unknown
  }
  if (isIndexMediaType(manifest.mediaType)) {
    for (const child of list(body.manifests)) {
      await collect(file, entries, descriptor(child, manifest.digest), image)
    }
  } else {
    for (const blob of [body.config as RawDescriptor, ...list(body.layers)]) {
      const given = descriptor(blob, manifest.digest)
      image.blobs.set(given.digest, given)
    }
  }
  image.manifests.push({ ...manifest, digest: manifest.digest as Digest, bytes })
}

function descriptor(raw: RawDescriptor | undefined, where: string): BlobDescriptor {
  const { mediaType, digest, size } = raw ?? {}
  if (typeof mediaType !== 'string' || typeof digest !== 'string' || !isDigest(digest)) {
    throw new LayoutError(`${where} lists a descriptor without a media type and sha256 digest`)
  }
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    throw new LayoutError(`${where} lists ${digest} without a size`)
  }
  return { mediaType, digest, size }
}

function list(value: unknown): RawDescriptor[] {
  return Array.isArray(value) ? (value as RawDescriptor[]) : []
}

function blobPath(digest: string): string {
  return `blobs/${digest.replace(':', '/')}`
}

function blobEntry(entries: ReadonlyMap<string, TarEntry>, digest: string): TarEntry {
  const entry = entries.get(blobPath(digest))
  if (entry === undefined) throw new LayoutError(`the saved image lacks the blob ${digest}`)
  return entry
}

async function readEntry(
  file: FileHandle,
  entries: ReadonlyMap<string, TarEntry>,
  path: string,
  limit: number
): Promise<Buffer> {
  const entry = entries.get(path)
  if (entry === undefined) throw new LayoutError(`the saved image has no ${path}`)
  if (entry.size > limit) throw new LayoutError(`${path} is over ${limit} bytes`)
  const bytes = Buffer.alloc(entry.size)
  const { bytesRead } = await file.read(bytes, 0, entry.size, entry.offset)
  if (bytesRead !== entry.size) throw new LayoutError(`the saved image ends inside ${path}`)
  return bytes
}

function parse(bytes: Buffer, what: string): object {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'))
    if (typeof value === 'object' && value !== null) return value
  } catch {
    // Reported below, as for any JSON that is not an object.
  }
  throw new LayoutError(`${what} in the saved image is not a JSON object`)
}
