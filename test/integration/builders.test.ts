// The build, test and push story on each builder a runner may offer.
import { execFileSync } from 'node:child_process'
import { describe, expect } from 'vitest'
import {
  dockerConfigWithoutBuildx,
  freshRepository,
  it,
  makeWorkspace,
  tagDigest,
  type ActionRun,
  type BuildRunner,
  type Workspace
} from '../harness/index.js'

const CLASSIC_NOTICE = 'docker buildx is not available: using the classic builder'

// The build, test and push story on each builder a runner may offer: buildx, as on GitHub-hosted
// runners, and the classic builder of a self-hosted runner without the plugin. The classic runner's
// environment asks for BuildKit, as some jobs do, which a client without buildx refuses.
const BUILDERS = [
  // The plugin runs standalone, without the CLI in front of it: /…/cli-plugins/docker-buildx build.
  { builder: 'buildx', command: '/docker-buildx build', env: (): Record<string, string> => ({}) },
  {
    builder: 'the classic builder',
    command: 'docker build',
    env: (): Record<string, string> => ({
      DOCKER_CONFIG: dockerConfigWithoutBuildx(),
      DOCKER_BUILDKIT: '1'
    })
  }
]

// A RUN step needs the build network: the test engine has no bridge.
const DOCKERFILE = 'FROM immutable-image-base/node:24\nWORKDIR /app\nCOPY . .\nRUN node --version\n'

function run(
  build: BuildRunner,
  workspace: Workspace,
  path: string,
  runnerEnv: Record<string, string>,
  inputs: Record<string, string> = {}
): Promise<ActionRun> {
  return build({
    workspace,
    repository: path,
    env: runnerEnv,
    inputs: { network: 'host', ...inputs }
  })
}

describe.each(BUILDERS)('on $builder', ({ builder, command, env: runnerEnv }) => {
  it('builds with a RUN step, tests inside the image and pushes it', async ({ build, env }) => {
    const workspace = makeWorkspace({ Dockerfile: DOCKERFILE })
    const path = freshRepository('builder')
    const result = await run(build, workspace, path, runnerEnv())
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    const builds = result.main.stdout
      .split('\n')
      .filter((line) => /\[command\]\S*docker[ -]/.test(line))
    // The last: the classic runner's plugin, which answers nothing, is tried first.
    const lastBuild = builds.findLast((line) => line.includes(' build '))
    expect(lastBuild).toContain(`${command} `)
    expect(lastBuild).toContain('--network host')
    if (builder === 'buildx') expect(result.main.stdout).not.toContain(CLASSIC_NOTICE)
    else expect(result.main.stdout).toContain(CLASSIC_NOTICE)
    expect(result.main.stdout).toMatch(/pass [1-9]/)
    const tag = `sha-${workspace.sha.slice(0, 7)}`
    const digest = await tagDigest(path, tag)
    expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/)
    expect(result.outputs.digest).toBe(digest)
    const id = execFileSync(
      'docker',
      ['image', 'inspect', '--format', '{{.Id}}', `${env.registry}/${path}:${tag}`],
      { encoding: 'utf8' }
    ).trim()
    expect(result.outputs['image-id']).toBe(id)
  })

  it('pushes nothing when the tests fail', async ({ build }) => {
    const workspace = makeWorkspace({
      Dockerfile: DOCKERFILE,
      'test/zz-broken.test.js':
        "import { test } from 'node:test'\nimport assert from 'node:assert'\ntest('breaks', () => assert.equal(1, 2))\n"
    })
    const path = freshRepository('builder-failing')
    const result = await run(build, workspace, path, runnerEnv())
    expect(result.main.exitCode).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(/^::error::the tests failed with exit code 1: nothing was pushed$/)
    ])
    expect(await tagDigest(path, `sha-${workspace.sha.slice(0, 7)}`)).toBeUndefined()
  })

  it('fails with a clear message on a wrong password and never prints it', async ({ build }) => {
    const workspace = makeWorkspace({ Dockerfile: DOCKERFILE })
    const wrong = 'not-the-password-5b1f'
    const result = await run(build, workspace, freshRepository('builder-denied'), runnerEnv(), {
      password: wrong
    })
    expect(result.main.exitCode).toBe(1)
    expect(result.errors.at(-1)).toMatch(
      /authentication failed for registry 127\.0\.0\.1:\d+ as 'ci'/
    )
    const printed = (result.main.stdout + result.main.stderr).replaceAll(`::add-mask::${wrong}`, '')
    expect(printed).not.toContain(wrong)
  })
})
