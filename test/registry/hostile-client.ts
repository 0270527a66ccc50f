// What the tests of the registry client against hostile registries share: a fast client and a manifest.
import { createHash } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { RegistryClient } from '../../src/registry/client.js'
import { DOCKER_MANIFEST } from '../../src/registry/media-types.js'
import type { Digest } from '../../src/registry/reference.js'

export { endless, useHostileRegistries } from '../harness/registry/hostile-registry.js'

const FAST = { attempts: 2, baseDelayMs: 1, maxDelayMs: 2, maxWaitMs: 1000, timeoutMs: 5000 }
export const MiB = 1024 * 1024

export function digestOf(bytes: Buffer, algorithm = 'sha256'): Digest {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}` as Digest
}

export const MANIFEST = Buffer.from(
  JSON.stringify({ schemaVersion: 2, mediaType: DOCKER_MANIFEST, config: {}, layers: [] })
)

export function serveManifest(
  response: ServerResponse,
  headers: Record<string, string> = {}
): void {
  response
    .writeHead(200, {
      'content-type': DOCKER_MANIFEST,
      'docker-content-digest': digestOf(MANIFEST),
      ...headers
    })
    .end(MANIFEST)
}

/** Gives the sockets time to close, so what the server sent is counted. */
export async function closed(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 100))
}

export function client(host: string, access: 'pull' | 'push' = 'pull'): RegistryClient {
  return new RegistryClient(host, {
    access,
    credentials: { username: 'ci', password: 'pw' },
    retry: FAST
  })
}
