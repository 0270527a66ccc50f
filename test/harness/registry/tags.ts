// Asks the test registry directly what a tag points at, independent of the code under test.
import { testEnv } from '../test-env.js'

export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ')

/** The digest a tag points at in the authenticated test registry, or undefined when absent. */
export async function tagDigest(path: string, tag: string): Promise<string | undefined> {
  const { registry, username, password } = testEnv()
  const response = await fetch(`http://${registry}/v2/${path}/manifests/${tag}`, {
    method: 'HEAD',
    headers: {
      accept: MANIFEST_ACCEPT,
      authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
    }
  })
  if (response.status === 404) return undefined
  if (response.status !== 200)
    throw new Error(`registry answered ${response.status} for ${path}:${tag}`)
  return response.headers.get('docker-content-digest') ?? undefined
}

/** A repository path no earlier test run has used. */
export function freshRepository(name: string): string {
  return `it-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}/${name}`
}
