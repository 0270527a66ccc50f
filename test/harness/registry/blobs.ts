// Every byte the test registry holds for a pushed image, read directly, to search it for what must not be there.
import { gunzipSync } from 'node:zlib'
import { testEnv } from '../test-env.js'
import { MANIFEST_ACCEPT } from './tags.js'

export interface StoredObject {
  readonly digest: string
  readonly mediaType: string
  /** The object's bytes, gzip layers inflated, so a file inside a layer shows as written. */
  readonly content: Buffer
}

interface Descriptor {
  readonly digest: string
  readonly mediaType: string
}

interface ManifestJson {
  readonly mediaType?: string
  readonly manifests?: Descriptor[]
  readonly config?: Descriptor
  readonly layers?: Descriptor[]
}

async function get(path: string, kind: 'manifests' | 'blobs', reference: string): Promise<Buffer> {
  const { registry, username, password } = testEnv()
  const response = await fetch(`http://${registry}/v2/${path}/${kind}/${reference}`, {
    headers: {
      accept: MANIFEST_ACCEPT,
      authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
    }
  })
  if (response.status !== 200) {
    throw new Error(`registry answered ${response.status} for ${path} ${kind}/${reference}`)
  }
  return Buffer.from(await response.arrayBuffer())
}

/**
 * The manifest under `reference` in the authenticated test registry and everything it reaches: for
 * an index each listed manifest (attestations too), for a manifest its config and layers.
 */
export async function storedObjects(path: string, reference: string): Promise<StoredObject[]> {
  const body = await get(path, 'manifests', reference)
  const manifest = JSON.parse(body.toString('utf8')) as ManifestJson
  const objects: StoredObject[] = [
    { digest: reference, mediaType: manifest.mediaType ?? '', content: body }
  ]
  for (const child of manifest.manifests ?? []) {
    objects.push(...(await storedObjects(path, child.digest)))
  }
  for (const blob of [
    ...(manifest.config === undefined ? [] : [manifest.config]),
    ...(manifest.layers ?? [])
  ]) {
    const bytes = await get(path, 'blobs', blob.digest)
    objects.push({
      digest: blob.digest,
      mediaType: blob.mediaType,
      content: blob.mediaType.endsWith('gzip') ? gunzipSync(bytes) : bytes
    })
  }
  return objects
}
