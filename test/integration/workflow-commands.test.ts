// A pull request's build and tests print workflow commands: the runner must execute none of them.
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import {
  freshRepository,
  it,
  makeWorkspace,
  MANIFEST_ACCEPT,
  type ActionRun,
  type BuildRunner,
  type TestEnvironment
} from '../harness/index.js'
import { declaredOutputs } from '../harness/action-outputs.js'

const TOKEN = 'ghs_workflowcommands'
const EVIL_DIGEST = `sha256:${'e'.repeat(64)}`
const ACTION_OUTPUTS = declaredOutputs()

/** RUN output reaches the log; the nonce keeps the step out of the cache. */
function hostileDockerfile(): string {
  return `FROM immutable-image-base/busybox:1
RUN echo "${randomUUID()}" && echo "::set-output name=from-the-build::planted" && echo "::add-mask::from-the-build" && echo "  ##[error]planted by the build"
`
}

function hostileTests(canary: string, exit: string): string {
  return [
    `echo "::save-state name=dockerConfig::${canary}"`,
    `echo "::set-output name=digest::${EVIL_DIGEST}"`,
    'echo "::set-output name=from-the-tests::planted"',
    'echo "::add-mask::sha256"',
    'echo " ::warning::planted by the tests"',
    'echo "tests: ##[error]planted mid-line"',
    exit
  ].join('; ')
}

/** The digest a tag points at in the open (no login) test registry. */
async function openTagDigest(
  env: TestEnvironment,
  path: string,
  tag: string
): Promise<string | null> {
  const response = await fetch(`http://${env.openRegistry}/v2/${path}/manifests/${tag}`, {
    method: 'HEAD',
    headers: { accept: MANIFEST_ACCEPT }
  })
  return response.headers.get('docker-content-digest')
}

/** Without registry credentials (docker/login-action ran before) the action saves no dockerConfig. */
function buildWithHostileOutput(
  build: BuildRunner,
  env: TestEnvironment,
  testCommand: string
): Promise<ActionRun> & { path: string } {
  const path = freshRepository('commands')
  const run = build({
    workspace: makeWorkspace({ Dockerfile: hostileDockerfile() }, { example: false }),
    repository: path,
    registry: env.openRegistry,
    login: false,
    token: TOKEN,
    inputs: { 'test-command': testCommand, network: 'host' }
  })
  return Object.assign(run, { path })
}

describe('workflow commands printed by the build and the tests', () => {
  const canary = mkdtempSync(join(tmpdir(), 'canary-'))
  writeFileSync(join(canary, 'keep'), 'a directory the post step must not remove\n')
  let passing: ActionRun
  let path: string

  it.beforeAll(async ({ build, env }) => {
    const run = buildWithHostileOutput(build, env, hostileTests(canary, 'exit 0'))
    path = run.path
    passing = await run
  })

  it('still pushes and passes', () => {
    expect(passing.main.exitCode).toBe(0)
    // The main step removed all it made: nothing printed can make the post step start.
    expect(passing.postSkipped).toBe(true)
    expect(passing.outputs.pushed).toBe('true')
  })

  it('are shown in the log, each on a line of its own', () => {
    const lines = passing.main.stdout.split('\n')
    // BuildKit's plain progress puts `#N seconds` before each RUN line; the classic builder does not.
    expect(lines.some((line) => line.endsWith('::set-output name=from-the-build::planted'))).toBe(
      true
    )
    expect(lines).toContain('::set-output name=from-the-tests::planted')
  })

  it('cannot choose what the post step removes', () => {
    expect(existsSync(join(canary, 'keep'))).toBe(true)
    expect(passing.state.dockerConfig).toBeUndefined()
  })

  it('leave the step only its own outputs, digest included', async ({ env }) => {
    expect(Object.keys(passing.outputs).sort()).toEqual(ACTION_OUTPUTS)
    expect(passing.outputs.digest).toBe(await openTagDigest(env, path, passing.outputs.tag ?? ''))
  })

  it('add no mask, error or warning', () => {
    expect(passing.main.commands.masks).toEqual([TOKEN])
    expect(passing.errors).toEqual([])
    expect(passing.main.commands.warnings).toEqual([])
  })
})

describe('failing tests whose output ends in the middle of a line', () => {
  let failing: ActionRun

  it.beforeAll(async ({ build, env }) => {
    const canary = mkdtempSync(join(tmpdir(), 'canary-'))
    failing = await buildWithHostileOutput(
      build,
      env,
      hostileTests(canary, 'printf "::set-output name=pushed::true"; exit 3')
    )
  })

  it('cannot keep the runner from reading the action’s own error', () => {
    expect(failing.main.exitCode).toBe(1)
    expect(failing.errors).toEqual([
      expect.stringMatching(/^::error::the tests failed with exit code 3: nothing was pushed$/)
    ])
  })

  it('leave the step only its own outputs, with no digest', () => {
    expect(Object.keys(failing.outputs).sort()).toEqual(ACTION_OUTPUTS)
    expect(failing.outputs.digest).toBe('')
    expect(failing.outputs.pushed).toBe('false')
  })
})
