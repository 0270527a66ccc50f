import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RunContext } from '../../src/github/context.js'
import type { DeploymentLog } from '../../src/promote/deployment-log.js'
import { promote } from '../../src/promote/promotion.js'
import type { Manifest } from '../../src/registry/client.js'
import type { Digest } from '../../src/registry/reference.js'
import type { ManifestStore } from '../../src/registry/repository.js'
import type { PromoteSettings } from '../../src/settings/promote.js'
import { noCommands, readWorkflowCommands } from '../harness/runner/workflow-commands.js'
import { captureStdout } from '../harness/fakes/stdout.js'

/** What a forged deployment payload or a hostile registry could hand the promotion. */
const FORGED = [
  'sha256:1\n::set-output name=digest::sha256:evil',
  'sha256:2\r::save-state name=dockerConfig::/',
  'sha256:3 ##[add-mask]sha256'
]

function manifest(digest: string): Manifest {
  return {
    digest: digest as Digest,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    size: 2,
    bytes: Buffer.from('{}')
  }
}

/** A registry where production holds `current` and every reference resolves to itself. */
function registry(current: string): ManifestStore {
  return {
    name: 'registry.example/acme/web',
    resolve: (tag) => Promise.resolve(tag === 'production' ? manifest(current) : undefined),
    fetch: (reference) => Promise.resolve(manifest(reference)),
    put: () => Promise.resolve(current as Digest)
  }
}

function deploymentLog(previous: string): DeploymentLog {
  return {
    start: () => Promise.resolve(7),
    finish: () => Promise.resolve(),
    previous: () => Promise.resolve({ found: true, digest: previous as Digest, deploymentId: 7 })
  }
}

const settings: PromoteSettings = {
  image: { registry: 'registry.example', path: 'acme/web' },
  source: { kind: 'previous' },
  targets: ['production'],
  environment: 'production',
  record: true
} as unknown as PromoteSettings

afterEach(() => {
  vi.restoreAllMocks()
})

describe('a rollback logs digests from the registry and the deployment history', () => {
  it.each(FORGED)('without running a workflow command forged in them: %j', async (forged) => {
    const stdout = captureStdout()
    await promote(settings, {} as RunContext, registry(`${forged}-current`), deploymentLog(forged))
    expect(stdout()).toContain('production ran ')
    expect(readWorkflowCommands(stdout())).toEqual(noCommands())
  })
})
