// The smoke test runs in the shipped image as it runs in production: through its ENTRYPOINT, once it
// is up, under the tests' limits; whatever fails it pushes nothing and leaves no container behind.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { PROJECT_ROOT } from '../harness/project-root.js'
import { testEnv } from '../harness/test-env.js'
import {
  freshRepository,
  it,
  makeWorkspace,
  tagDigest,
  type ActionRun,
  type BuildRunner,
  type Workspace
} from '../harness/index.js'

const SMOKE_TEST = '["node","/app/src/smoke.js"]'
const PASSED_LINE = 'smoke test: the server answers, in production, started by its entrypoint'

function docker(args: string[]): string {
  return execFileSync('docker', args, {
    encoding: 'utf8',
    env: { ...process.env, ...testEnv().dockerEnv }
  }).trim()
}

/** The example's Dockerfile with one more stage, built FROM the shipped one. */
function withStage(stage: string): Record<string, string> {
  const dockerfile = readFileSync(join(PROJECT_ROOT, 'examples', 'prod-app', 'Dockerfile'), 'utf8')
  return { Dockerfile: `${dockerfile}\n${stage}\n` }
}

interface SmokeRun {
  readonly workspace: Workspace
  readonly path: string
  readonly result: ActionRun
}

async function smokeTest(
  build: BuildRunner,
  files: Record<string, string>,
  inputs: Record<string, string>
): Promise<SmokeRun> {
  const workspace = makeWorkspace(files, { example: 'prod-app' })
  const path = freshRepository('smoke')
  const result = await build({
    workspace,
    repository: path,
    inputs: { 'smoke-test': SMOKE_TEST, ...inputs }
  })
  return { workspace, path, result }
}

/** The `docker run` line that started the smoke test's container. */
function smokeRunLine(result: ActionRun): string {
  const line = result.main.stdout
    .split('\n')
    .find((text) => /\[command\]\S*docker run --detach --name immutable-image-smoke-/.test(text))
  if (line === undefined) throw new Error('no smoke test container was started')
  return line
}

function smokeContainerName(result: ActionRun): string {
  return /--name (immutable-image-smoke-[0-9a-f]{12}) /.exec(smokeRunLine(result))?.[1] ?? ''
}

function containerExists(name: string): boolean {
  return docker(['ps', '--all', '--quiet', '--filter', `name=^/${name}$`]) !== ''
}

async function expectNothingPushed({ workspace, path, result }: SmokeRun): Promise<void> {
  expect(result.outputs.pushed).not.toBe('true')
  expect(result.outputs.digest ?? '').toBe('')
  expect(await tagDigest(path, `sha-${workspace.sha.slice(0, 7)}`)).toBeUndefined()
}

describe('a smoke test of the shipped prod-app, with a test stage', () => {
  let run: SmokeRun

  it.beforeAll(async ({ build }) => {
    run = await smokeTest(
      build,
      {},
      { target: 'prod', 'test-target': 'test', 'test-command': 'node --test' }
    )
  })

  it('passes once the container is healthy, through its entrypoint, and pushes', async () => {
    const { result } = run
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.outputs['test-result']).toBe('passed')
    expect(result.outputs['smoke-test-result']).toBe('passed')
    expect(result.outputs.pushed).toBe('true')
    expect(result.main.stdout).toContain(
      'The image has a HEALTHCHECK: waiting for the container to be healthy.'
    )
    expect(result.main.stdout).toContain(PASSED_LINE)
    expect(await tagDigest(run.path, `sha-${run.workspace.sha.slice(0, 7)}`)).toBe(
      result.outputs.digest
    )
  })

  it("starts the shipped image, not the test stage, with its own ENTRYPOINT under the tests' limits", () => {
    const line = smokeRunLine(run.result)
    expect(line).toContain(
      '--network none --pull never --security-opt no-new-privileges --memory 4g --pids-limit 4096'
    )
    expect(line).not.toContain('--entrypoint')
    expect(line).not.toMatch(/--volume|--mount|-v |--privileged/)
    expect(line.endsWith(` ${run.result.outputs['image-id'] ?? 'no image id'}`)).toBe(true)
  })

  it('removes its container', () => {
    expect(containerExists(smokeContainerName(run.result))).toBe(false)
  })

  it('shows the tests in stage test and the smoke test of the shipped image in the summary', () => {
    const { summary } = run.result
    expect(summary).toMatch(/\| Tests \| passed `node --test` in [^|]+ \|/)
    expect(summary).toContain('| Tested in | stage `test`')
    expect(summary).toMatch(
      /\| Smoke test \| passed `\["node","\/app\/src\/smoke\.js"\]` in [^|]+, once the container was healthy \|/
    )
    expect(summary).toContain(
      '| Smoke-tested in | the shipped image, started by its own `ENTRYPOINT` and `CMD` |'
    )
  })
})

describe('a smoke test of an image whose ENTRYPOINT is bypassed', () => {
  let run: SmokeRun

  it.beforeAll(async ({ build }) => {
    const bypassed = withStage(
      'FROM prod AS bypassed\nENTRYPOINT []\nCMD ["node", "/app/src/server.js"]'
    )
    run = await smokeTest(build, bypassed, { target: 'bypassed', 'test-command': 'true' })
  })

  it('fails: the server runs, but the entrypoint did not start it', () => {
    const { result } = run
    expect(result.main.exitCode).toBe(1)
    expect(result.errors).toEqual([
      '::error::the smoke test failed with exit code 1 in the healthy container: nothing was pushed'
    ])
    expect(result.outputs['test-result']).toBe('failed')
    expect(result.outputs['smoke-test-result']).toBe('failed')
    expect(result.summary).toContain(
      'started by null: expected production, started by the entrypoint'
    )
  })

  it('pushes nothing and removes its container', async () => {
    await expectNothingPushed(run)
    expect(containerExists(smokeContainerName(run.result))).toBe(false)
  })
})

describe('a smoke test of a server that crashes on start', () => {
  let run: SmokeRun

  it.beforeAll(async ({ build }) => {
    run = await smokeTest(
      build,
      {},
      { target: 'prod', 'test-command': 'true', 'test-env': 'PORT=eighty' }
    )
  })

  it('fails the step with the exit code and the end of its log', () => {
    const { result } = run
    expect(result.main.exitCode).toBe(1)
    expect(result.errors).toEqual([
      "::error::the shipped image's container exited with code 64 before the smoke test passed: nothing was pushed"
    ])
    expect(result.summary).toContain(
      '| Smoke test | failed `["node","/app/src/smoke.js"]`: the container exited with code 64 after'
    )
    expect(result.summary).toContain('<details open><summary>Smoke test</summary>')
    expect(result.summary).toContain("entrypoint: PORT must be a port number, got 'eighty'")
  })

  it('pushes nothing and removes its container', async () => {
    await expectNothingPushed(run)
    expect(containerExists(smokeContainerName(run.result))).toBe(false)
  })
})

describe('a smoke test of an image without HEALTHCHECK that is slow to start', () => {
  let run: SmokeRun

  it.beforeAll(async ({ build }) => {
    const slow = withStage(
      'FROM prod AS slow\nHEALTHCHECK NONE\nCMD ["/bin/sh", "-c", "sleep 3 && exec node /app/src/server.js"]'
    )
    run = await smokeTest(build, slow, { target: 'slow', 'test-command': 'true' })
  })

  it('retries the smoke test until the server answers, then pushes', () => {
    const { result } = run
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.main.stdout).toMatch(
      /The smoke test failed \(exit 1\) before the container was up: retrying until it passes or test-timeout \(900 s\) ends\./
    )
    expect(result.main.stdout).not.toContain('waiting for the container to be healthy')
    expect(result.main.stdout).toContain(PASSED_LINE)
    expect(result.summary).toMatch(
      /\| Smoke test \| passed `[^`]+` in [^|]+, run \d+ times until the container answered \|/
    )
    expect(result.outputs['smoke-test-result']).toBe('passed')
    expect(result.outputs.pushed).toBe('true')
  })
})
