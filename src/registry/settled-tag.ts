// What a tag names once another client's push under it is over. `docker push` of an index (the
// containerd image store's pusher) PUTs every child manifest under the tag before the index, so for
// a moment the tag names a platform image, then an attestation, then the index that lists both.
import { sleepFor, type Sleep } from '../retry.js'
import type { Manifest, ManifestDescriptor } from './client.js'
import { isIndexMediaType } from './media-types.js'

/** BuildKit's attestation manifests hold in-toto statements as their layers, and never an image. */
const IN_TOTO = 'application/vnd.in-toto+json'

/**
 * Between the waits the tag is read again. Such a push writes its manifests back to back, so two
 * reads this far apart that agree have seen where it ended; over 2 s of change is no push in flight.
 */
const SETTLE_WAITS_MS = [150, 300, 600, 1200]

/** An attestation manifest: what a tag names only halfway through a push. */
export function isAttestationManifest(manifest: Manifest): boolean {
  if (isIndexMediaType(manifest.mediaType)) return false
  try {
    const parsed = JSON.parse(manifest.bytes.toString('utf8')) as { layers?: unknown }
    const layers = Array.isArray(parsed.layers) ? (parsed.layers as unknown[]) : []
    return (
      layers.length > 0 &&
      layers.every(
        (layer) =>
          typeof layer === 'object' &&
          layer !== null &&
          (layer as { mediaType?: unknown }).mediaType === IN_TOTO
      )
    )
  } catch {
    return false
  }
}

/** An attestation is a child for sure: it is never the image a tag names once a push is over. */
function halfwayForSure(answer: ManifestDescriptor): boolean {
  return 'bytes' in answer && isAttestationManifest(answer as Manifest)
}

/**
 * `first`, or what the tag names once it stops changing: nothing or an index is where a push
 * ends; a lone manifest is read again until two reads agree (and it is no attestation). After
 * the last wait the latest answer stands, whatever it is.
 */
export async function settledTag<T extends ManifestDescriptor>(
  first: T | undefined,
  read: () => Promise<T | undefined>,
  sleep: Sleep = sleepFor
): Promise<T | undefined> {
  let current = first
  for (const wait of SETTLE_WAITS_MS) {
    // A lone manifest under the tag may be a child of an index still being pushed.
    if (current === undefined || isIndexMediaType(current.mediaType)) return current
    await sleep(wait)
    const next = await read()
    if (next !== undefined && next.digest === current.digest && !halfwayForSure(next)) return next
    current = next
  }
  return current
}
