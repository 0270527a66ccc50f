// The manifest media types a registry may hold under a tag.

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
export const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json'
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json'

export const MANIFEST_MEDIA_TYPES = [OCI_INDEX, OCI_MANIFEST, DOCKER_MANIFEST_LIST, DOCKER_MANIFEST]

export const ACCEPT_MANIFESTS = MANIFEST_MEDIA_TYPES.join(', ')

/** An image index (OCI) or manifest list (Docker): a manifest that lists manifests. */
export function isIndexMediaType(mediaType: string): boolean {
  return mediaType === OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST
}
