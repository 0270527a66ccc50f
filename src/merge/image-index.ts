// The OCI image index that joins the platform images: its exact bytes, so its digest is known before the put.
import type { Manifest } from '../registry/client.js'
import { sha256Digest } from '../registry/digest.js'
import { OCI_INDEX } from '../registry/media-types.js'
import type { IndexEntry } from './platform-image.js'
import type { AcceptedImage } from './merge-check.js'

/**
 * One index listing each image's entries in the order the digests were given: the same digests
 * always make the same bytes, so a re-run of the merge puts the same digest.
 */
export function imageIndex(images: readonly AcceptedImage[]): Manifest {
  const index = {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: images.flatMap((image) => image.entries.map(descriptor))
  }
  const bytes = Buffer.from(JSON.stringify(index))
  return { digest: sha256Digest(bytes), mediaType: OCI_INDEX, size: bytes.length, bytes }
}

/** Fields in the order the OCI spec lists them; absent ones left out rather than null. */
function descriptor(entry: IndexEntry): Record<string, unknown> {
  const { platform } = entry
  return {
    mediaType: entry.mediaType,
    digest: entry.digest,
    size: entry.size,
    ...(entry.annotations === undefined ? {} : { annotations: entry.annotations }),
    ...(platform === undefined
      ? {}
      : {
          platform: {
            architecture: platform.architecture,
            os: platform.os,
            ...(platform.variant === undefined ? {} : { variant: platform.variant })
          }
        })
  }
}
