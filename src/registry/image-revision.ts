// Which commit an image in the registry was built from: its descriptor's revision annotation in the
// index, else its manifest's, else the revision label of its config.
import { CONFIG_BODY_LIMIT, formatLimit } from './body.js'
import type { Manifest, RegistryClient } from './client.js'
import { registryError, registryText } from './errors.js'
import { isIndexMediaType } from './media-types.js'

export const REVISION_LABEL = 'org.opencontainers.image.revision'
/** More platforms than any real index lists: a hostile index cannot make us fetch thousands. */
const MAX_PLATFORMS = 32

interface Descriptor {
  readonly digest?: unknown
  readonly mediaType?: unknown
  readonly size?: unknown
  readonly annotations?: Record<string, unknown>
  readonly platform?: { readonly os?: unknown }
}

interface ManifestJson {
  readonly mediaType?: unknown
  readonly manifests?: unknown
  readonly config?: Descriptor
  readonly annotations?: unknown
}

interface ConfigJson {
  readonly config?: { readonly Labels?: Record<string, unknown> | null }
}

/**
 * The revision of every platform image under `digest` (one for a single image; one per platform
 * for an index, attestations left out); undefined where an image says none.
 */
export async function imageRevisions(
  client: RegistryClient,
  repository: string,
  digest: string
): Promise<(string | undefined)[]> {
  return revisionsIn(client, repository, await manifestOf(client, repository, digest))
}

/** As imageRevisions, from a manifest already fetched (by tag, say). */
export async function revisionsIn(
  client: RegistryClient,
  repository: string,
  fetched: Manifest
): Promise<(string | undefined)[]> {
  const { digest } = fetched
  const manifest = parsedManifest(client, repository, fetched)
  if (!isIndexMediaType(fetched.mediaType)) {
    return [await imageRevision(client, repository, digest, manifest)]
  }
  const listed: readonly unknown[] = Array.isArray(manifest.manifests) ? manifest.manifests : []
  const platforms = listed
    .filter((child): child is Descriptor => typeof child === 'object' && child !== null)
    .filter(
      (child) =>
        child.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest' &&
        child.platform?.os !== 'unknown'
    )
  if (platforms.length === 0 || platforms.length > MAX_PLATFORMS) {
    throw fault(
      client,
      repository,
      `the index ${repository}@${digest} lists ${platforms.length} platform images (expected 1 to ${MAX_PLATFORMS})`
    )
  }
  const revisions: (string | undefined)[] = []
  for (const listed of platforms) {
    const childDigest = text(listed.digest)
    if (!childDigest.includes(':')) {
      throw fault(
        client,
        repository,
        `the index ${repository}@${digest} lists an image without a digest`
      )
    }
    // The index's own word for the image, written with it by the same push: no request more.
    const described = listed.annotations?.[REVISION_LABEL]
    if (typeof described === 'string') {
      revisions.push(described)
      continue
    }
    const child = parsedManifest(
      client,
      repository,
      await manifestOf(client, repository, childDigest)
    )
    revisions.push(await imageRevision(client, repository, childDigest, child))
  }
  return revisions
}

async function manifestOf(
  client: RegistryClient,
  repository: string,
  digest: string
): Promise<Manifest> {
  const manifest = await client.fetch(repository, digest)
  if (manifest === undefined) {
    throw fault(
      client,
      repository,
      `${repository}@${registryText(digest)} vanished from the registry`
    )
  }
  return manifest
}

function parsedManifest(
  client: RegistryClient,
  repository: string,
  manifest: Manifest
): ManifestJson {
  return {
    ...parseObject(client, repository, manifest.bytes, `the manifest ${manifest.digest}`),
    mediaType: manifest.mediaType
  }
}

/** The manifest's revision annotation (written by buildx at build time), else its config's label. */
async function imageRevision(
  client: RegistryClient,
  repository: string,
  digest: string,
  manifest: ManifestJson
): Promise<string | undefined> {
  const annotations = manifest.annotations
  const annotated =
    typeof annotations === 'object' && annotations !== null
      ? (annotations as Record<string, unknown>)[REVISION_LABEL]
      : undefined
  if (typeof annotated === 'string') return annotated
  return configRevision(client, repository, digest, manifest)
}

async function configRevision(
  client: RegistryClient,
  repository: string,
  digest: string,
  manifest: ManifestJson
): Promise<string | undefined> {
  const config = manifest.config
  const size = typeof config?.size === 'number' ? config.size : 0
  if (size > CONFIG_BODY_LIMIT) {
    throw fault(
      client,
      repository,
      `the config of ${repository}@${digest} is ${size} bytes, more than the ${formatLimit(CONFIG_BODY_LIMIT)} read`
    )
  }
  const configDigest = text(config?.digest)
  const bytes = await client.fetchBlob(repository, configDigest)
  if (bytes === undefined) {
    throw fault(
      client,
      repository,
      `the config ${registryText(configDigest)} of ${repository}@${digest} is missing`
    )
  }
  const labels = (parseObject(client, repository, bytes, `the config of ${digest}`) as ConfigJson)
    .config?.Labels
  const revision = labels?.[REVISION_LABEL]
  return typeof revision === 'string' ? revision : undefined
}

function parseObject(
  client: RegistryClient,
  repository: string,
  bytes: Buffer,
  what: string
): Record<string, unknown> {
  let parsed: unknown
  try {
    parsed = JSON.parse(bytes.toString('utf8'))
  } catch {
    throw fault(client, repository, `${what} in ${repository} is not JSON`)
  }
  if (typeof parsed !== 'object' || parsed === null) {
    throw fault(client, repository, `${what} in ${repository} is not a JSON object`)
  }
  return parsed as Record<string, unknown>
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function fault(client: RegistryClient, repository: string, message: string): Error {
  return registryError(client.registry, repository, `registry ${client.registry}: ${message}`)
}
