// What the pipeline reports when the build fails, the tests are killed for memory, the test network
// is missing or there are no tests: each in words naming what happened, on a fake engine.
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Docker, DockerResult, DockerRunOptions } from '../../src/docker/docker.js'
import { InputError } from '../../src/errors.js'
import { BuildFailedError } from '../../src/pipeline/build-failure.js'
import { BuildPipeline } from '../../src/pipeline/pipeline.js'
import type { BuildSettings } from '../../src/settings/build.js'
import { pipelineSettings, pushContext } from '../harness/fakes/pipeline-inputs.js'

const SHA = 'c'.repeat(40)
const IMAGE_ID = `sha256:${'3'.repeat(64)}`
const context = pushContext(SHA)
const revision = {
  sha: SHA,
  createdAt: () => Promise.resolve('2026-11-25T08:00:00Z'),
  warnings: []
}

type Answer = (args: readonly string[], options: DockerRunOptions) => DockerResult | undefined

/** An engine that builds and runs successfully unless `answer` says otherwise; records each call. */
function fakeEngine(answer: Answer = () => undefined): { engine: Docker; calls: string[][] } {
  const calls: string[][] = []
  const run = (args: readonly string[], options: DockerRunOptions = {}): Promise<DockerResult> => {
    calls.push([...args])
    const given = answer(args, options)
    if (given !== undefined) return Promise.resolve(given)
    const inspected = args[0] === 'image' && args[1] === 'inspect'
    const stdout = inspected
      ? JSON.stringify({ Id: IMAGE_ID, Size: 1, RootFS: { Layers: [] } })
      : ''
    return Promise.resolve({ exitCode: 0, stdout, stderr: '' })
  }
  const engine = {
    buildx: () => Promise.resolve({ available: true, version: undefined }),
    ensureEngine: () => Promise.resolve('26.1.5'),
    run
  } as unknown as Docker
  return { engine, calls }
}

async function runPipeline(settings: BuildSettings, engine: Docker) {
  return (await BuildPipeline.create(settings, context, revision, engine)).run()
}

function withTests(test: Partial<BuildSettings['test']>): BuildSettings {
  const settings = pipelineSettings()
  return { ...settings, test: { ...settings.test, ...test } }
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

describe('a failed build', () => {
  const buildxOutput = readFileSync(
    join(import.meta.dirname, '../fixtures/build-output/buildx-run.txt')
  )
  const failingBuild: Answer = (args, options) => {
    if (!args.includes('build')) return undefined
    options.onOutput?.(buildxOutput)
    return { exitCode: 1, stdout: '', stderr: '' }
  }

  it('fails with the build’s own error line, the step’s lines kept, and the tests not reached', async () => {
    const { engine, calls } = fakeEngine(failingBuild)
    const { report } = await runPipeline(pipelineSettings(), engine)
    expect(report.outcome).toBe('failed')
    expect(report.failure).toBeInstanceOf(BuildFailedError)
    expect(report.failure?.message).toBe(
      'the image build failed (docker exit 1): ERROR: failed to solve: process "/bin/sh -c echo \\\\"compiling app.js\\\\" && echo \\\\"app.js:3: syntax error\\\\" >&2 && exit 3" did not complete successfully: exit code: 3; nothing was pushed'
    )
    expect((report.failure as BuildFailedError).buildError.lines).toContain(
      'app.js:3: syntax error'
    )
    expect(report.test).toMatchObject({ result: 'skipped', notRun: 'run-failed-first' })
    expect(calls.find((args) => args[0] === 'run')).toBeUndefined()
  })
})

describe('tests killed for memory', () => {
  const oom: Answer = (args) => {
    if (args[0] === 'run') return { exitCode: 137, stdout: '', stderr: '' }
    if (args[0] === 'inspect') return { exitCode: 0, stdout: 'true\n', stderr: '' }
    return undefined
  }

  it('name test-memory and its value in the failure', async () => {
    const { engine } = fakeEngine(oom)
    const { report } = await runPipeline(withTests({ memory: '64m' }), engine)
    expect(report.outcome).toBe('test-failed')
    expect(report.test).toMatchObject({ exitCode: 137, oomKilled: true })
    expect(report.failure?.message).toBe(
      'the tests were killed for using more than test-memory (64m): raise test-memory or make the tests use less; nothing was pushed'
    )
  })

  it('are read from the container’s state before it is removed', async () => {
    const { engine, calls } = fakeEngine(oom)
    await runPipeline(withTests({ memory: '64m' }), engine)
    const run = calls.findIndex((args) => args[0] === 'run')
    const name = calls[run]?.[calls[run].indexOf('--name') + 1] ?? ''
    expect(calls[run]).not.toContain('--rm')
    const inspect = calls.findIndex((args) => args[0] === 'inspect' && args.includes(name))
    const removal = calls.findIndex((args) => args[0] === 'rm' && args.includes(name))
    expect(inspect).toBeGreaterThan(run)
    expect(removal).toBeGreaterThan(inspect)
  })

  it('are not claimed for an exit code 137 the engine did not cause', async () => {
    const { engine } = fakeEngine((args) =>
      args[0] === 'run' ? { exitCode: 137, stdout: '', stderr: '' } : undefined
    )
    const { report } = await runPipeline(withTests({ memory: '64m' }), engine)
    expect(report.test.oomKilled).toBe(false)
    expect(report.failure?.message).toBe('the tests failed with exit code 137: nothing was pushed')
  })
})

describe('a test-network the engine does not have', () => {
  const missing: Answer = (args) =>
    args[0] === 'network'
      ? {
          exitCode: 1,
          stdout: '',
          stderr: 'Error response from daemon: network db-net not found\n'
        }
      : undefined

  it('is an input error naming test-network before anything is built', async () => {
    const { engine, calls } = fakeEngine(missing)
    const { report } = await runPipeline(withTests({ network: 'db-net' }), engine)
    expect(report.failure).toBeInstanceOf(InputError)
    expect(report.failure?.message).toMatch(
      /^Input 'test-network': 'db-net' does not exist on the engine: name one `docker network ls` lists, e\.g\. \$\{\{ job\.services\.<id>\.network \}\}/
    )
    expect(calls).toEqual([['network', 'inspect', '--format', '{{.Name}}', 'db-net']])
  })

  it('is not asked about when there are no tests to run on it', async () => {
    const { engine, calls } = fakeEngine(missing)
    const { report } = await runPipeline(
      withTests({ network: 'db-net', command: undefined }),
      engine
    )
    expect(report.failure).toBeUndefined()
    expect(calls.some((args) => args[0] === 'network')).toBe(false)
  })

  it.each(['none', 'host'])('is not asked about for the built-in %s', async (network) => {
    const { engine, calls } = fakeEngine(missing)
    await runPipeline(withTests({ network }), engine)
    expect(calls.some((args) => args[0] === 'network')).toBe(false)
  })
})

describe('no test-command', () => {
  it('reports the tests as skipped for want of one, not as failed to be reached', async () => {
    const { engine } = fakeEngine()
    const { report } = await runPipeline(withTests({ command: undefined }), engine)
    expect(report.outcome).toBe('built')
    expect(report.test).toMatchObject({ result: 'skipped', notRun: 'no-test-command' })
  })
})
