import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Docker, DockerResult } from '../../src/docker/docker.js'
import { BuildPipeline } from '../../src/pipeline/pipeline.js'
import { pipelineSettings, pushContext } from '../harness/fakes/pipeline-inputs.js'

const SHA = 'b'.repeat(40)
const SHIPPED_ID = `sha256:${'1'.repeat(64)}`
const TEST_ID = `sha256:${'2'.repeat(64)}`

const settings = pipelineSettings({
  target: 'prod',
  testTarget: { stage: 'test', shipped: { name: 'prod', description: 'prod' } },
  test: { ...pipelineSettings().test, command: ['/bin/sh', '-c', 'npm test'] }
})

const context = pushContext(SHA)

const revision = {
  sha: SHA,
  createdAt: () => Promise.resolve('2026-11-25T08:00:00Z'),
  warnings: []
}

/** An engine that builds the shipped and test images with the given layers and records every call. */
function fakeEngine(layers: { shipped: string[]; test: string[] }): {
  engine: Docker
  calls: string[][]
} {
  const calls: string[][] = []
  const ok = (stdout = ''): DockerResult => ({ exitCode: 0, stdout, stderr: '' })
  const run = (args: readonly string[]): Promise<DockerResult> => {
    calls.push([...args])
    if (args[0] === 'image' && args[1] === 'inspect') {
      // The test stage's run tag is `<reference>-test-<hex>`.
      const test = args.at(-1)?.includes('-test-') === true
      const diffIds = test ? layers.test : layers.shipped
      return Promise.resolve(
        ok(
          JSON.stringify({ Id: test ? TEST_ID : SHIPPED_ID, Size: 1, RootFS: { Layers: diffIds } })
        )
      )
    }
    return Promise.resolve(ok())
  }
  const engine = {
    buildx: () => Promise.resolve({ available: true, version: undefined }),
    ensureEngine: () => Promise.resolve('26.1.5'),
    run
  } as unknown as Docker
  return { engine, calls }
}

function builds(calls: string[][]): string[][] {
  return calls.filter((args) => args.includes('build'))
}

let root: string

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pipeline-'))
  vi.stubEnv('RUNNER_TEMP', root)
  vi.stubEnv('DOCKER_CONFIG', root)
  vi.stubEnv('GITHUB_STATE', join(root, 'state'))
  writeFileSync(join(root, 'state'), '')
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
  rmSync(root, { recursive: true, force: true })
})

describe('BuildPipeline with a test-target', () => {
  it('builds the shipped stage, then the test stage under a local name only, and tests in it', async () => {
    const { engine, calls } = fakeEngine({ shipped: ['a', 'b'], test: ['a', 'b', 't'] })
    const pipeline = await BuildPipeline.create(settings, context, revision, engine)
    const { report, imageId } = await pipeline.run()
    expect(report.failure).toBeUndefined()
    const [shipped, test] = builds(calls)
    // Only the run's own name: the SHA tag is given after the tests passed.
    expect(shipped?.filter((arg) => arg === '--tag')).toHaveLength(1)
    expect(shipped?.[shipped.indexOf('--tag') + 1]).toMatch(
      /^ghcr\.io\/acme\/web:sha-bbbbbbb-run-[0-9a-f]{8}$/
    )
    expect(shipped?.join(' ')).toContain('--target prod')
    expect(test?.join(' ')).toContain('--target test')
    expect(test?.filter((arg) => arg === '--tag')).toHaveLength(1)
    expect(test?.[test.indexOf('--tag') + 1]).toMatch(
      /^ghcr\.io\/acme\/web:sha-bbbbbbb-test-[0-9a-f]{8}$/
    )
    const testRun = calls.find((args) => args[0] === 'run')
    expect(testRun).toContain(TEST_ID)
    expect(report.test).toMatchObject({ result: 'passed', stage: 'test' })
    expect(imageId).toBe(SHIPPED_ID)
    expect(report.layers).toBe(2)
  })

  it('removes the test image at the end', async () => {
    const { engine, calls } = fakeEngine({ shipped: ['a'], test: ['a', 't'] })
    await (await BuildPipeline.create(settings, context, revision, engine)).run()
    const testTag = builds(calls)[1]?.find((arg) => arg.includes('-test-'))
    expect(calls).toContainEqual(['image', 'rm', testTag])
  })

  it('refuses a test stage not built FROM the shipped one before running its tests', async () => {
    const { engine, calls } = fakeEngine({ shipped: ['a', 'b'], test: ['x', 't'] })
    const { report } = await (await BuildPipeline.create(settings, context, revision, engine)).run()
    expect(report.outcome).toBe('failed')
    expect(report.failure?.message).toMatch(
      /^the test stage test is not built on the shipped stage prod: .*FROM the shipped one \(FROM prod AS test\); nothing was pushed$/
    )
    expect(calls.find((args) => args[0] === 'run')).toBeUndefined()
    expect(calls.filter((args) => args[0] === 'image' && args[1] === 'rm')).toHaveLength(2)
  })

  it('tests the shipped image itself, with one build, when there is no test-target', async () => {
    const { engine, calls } = fakeEngine({ shipped: ['a'], test: [] })
    const { report } = await (
      await BuildPipeline.create({ ...settings, testTarget: undefined }, context, revision, engine)
    ).run()
    expect(builds(calls)).toHaveLength(1)
    expect(calls.find((args) => args[0] === 'run')).toContain(SHIPPED_ID)
    expect(report.test.stage).toBeUndefined()
  })
})
