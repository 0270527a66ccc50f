import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Docker } from '../../src/docker/docker.js'
import { BuildPipeline } from '../../src/pipeline/pipeline.js'
import { registryError } from '../../src/registry/errors.js'
import { pipelineSettings, pushContext } from '../harness/fakes/pipeline-inputs.js'

const SHA = 'a'.repeat(40)

const settings = pipelineSettings()

const context = pushContext(SHA)

const revision = {
  sha: SHA,
  createdAt: () => Promise.resolve('2026-11-25T08:00:00Z'),
  warnings: ['a warning']
}

/** An engine whose first call throws `error`. */
function engineThrowing(error: unknown): Docker {
  const fail = (): never => {
    throw error
  }
  return { buildx: fail, buildxVersion: fail, ensureEngine: fail, run: fail } as unknown as Docker
}

let root: string

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pipeline-'))
  vi.stubEnv('RUNNER_TEMP', root)
  vi.stubEnv('DOCKER_CONFIG', root)
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
  rmSync(root, { recursive: true, force: true })
})

describe('BuildPipeline.run, when a step throws', () => {
  it('reports an unexpected error (a bug) as the failure instead of throwing it', async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')")
    const pipeline = await BuildPipeline.create(settings, context, revision, engineThrowing(bug))
    const { report, imageId } = await pipeline.run()
    expect(report.failure).toBe(bug)
    expect(report).toMatchObject({
      outcome: 'failed',
      image: 'ghcr.io/acme/web',
      shaTag: 'sha-aaaaaaa',
      sha: SHA,
      tags: [],
      warnings: ['a warning']
    })
    expect(imageId).toBeUndefined()
  })

  it('keeps a registry error as it was thrown, status and code included', async () => {
    const refusal = registryError('ghcr.io', 'acme/web', 'registry ghcr.io: denied', {
      status: 403,
      code: 'DENIED'
    })
    const pipeline = await BuildPipeline.create(
      settings,
      context,
      revision,
      engineThrowing(refusal)
    )
    const { report } = await pipeline.run()
    expect(report.failure).toBe(refusal)
    expect(report.failure).toMatchObject({ status: 403, code: 'DENIED' })
  })

  it('wraps a thrown value that is not an Error, keeping its text', async () => {
    const pipeline = await BuildPipeline.create(settings, context, revision, engineThrowing('boom'))
    const { report } = await pipeline.run()
    expect(report.failure).toBeInstanceOf(Error)
    expect(report.failure?.message).toBe('boom')
  })
})
