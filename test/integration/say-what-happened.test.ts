// The comment, the summary and the error line say what happened, in the build's and the engine's own
// words: a failed RUN, a missing target, tests killed for memory, a missing test-network, no tests.
import { describe, expect } from 'vitest'
import {
  dockerConfigWithoutBuildx,
  freshRepository,
  it,
  makeWorkspace,
  tagDigest,
  type ActionRun,
  type GitHubApiDouble
} from '../harness/index.js'

const FAILING_DOCKERFILE = [
  'FROM immutable-image-base/busybox:1 AS base',
  'RUN echo step one',
  'FROM base AS app',
  'RUN echo "compiling app.js" && echo "app.js:3: syntax error" >&2 && exit 3',
  ''
].join('\n')

function ourComment(github: GitHubApiDouble, pullRequest: number): string {
  const ours = github
    .commentsOn(pullRequest)
    .filter((comment) => comment.body.startsWith('<!-- immutable-image:'))
  expect(ours).toHaveLength(1)
  return ours[0]?.body ?? ''
}

function expectNothingRun(result: ActionRun): void {
  expect(result.main.stdout).not.toMatch(/\[command\]\S*docker run /)
  expect(result.outputs.pushed).toBe('false')
}

describe('a Dockerfile whose RUN fails, on buildx', () => {
  let result: ActionRun
  let comment: string

  it.beforeAll(async ({ build, github }) => {
    result = await build({
      workspace: makeWorkspace({ Dockerfile: FAILING_DOCKERFILE }),
      repository: freshRepository('failing-run'),
      pullRequest: { number: 41 },
      inputs: { network: 'none' }
    })
    comment = ourComment(github, 41)
  })

  it('fails the step with buildx’s own error line', () => {
    expect(result.main.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(
      /^::error::the image build failed \(docker exit 1\): ERROR: failed to solve: process .*exit 3.* did not complete successfully: exit code: 3; nothing was pushed$/
    )
    expectNothingRun(result)
  })

  it('quotes the failing step and its output in the comment, and says the tests did not run', () => {
    expect(comment).toContain('### ❌ Build failed: nothing pushed')
    expect(comment).toContain('<details open><summary>Build error</summary>')
    expect(comment).toContain(
      '> [!CAUTION]\n> the image build failed (docker exit 1): ERROR: failed to solve: process "/bin/sh -c echo \\\\"compiling app.js\\\\"'
    )
    expect(comment).toMatch(/\n\[app 1\/1\] RUN echo "compiling app\.js" && .*exit 3\n/)
    // BuildKit logs a step's stdout and stderr as separate streams: their order is not kept.
    expect(comment).toContain('\ncompiling app.js\n')
    expect(comment).toContain('\napp.js:3: syntax error\n')
    expect(comment).toContain('   4 | >>> RUN echo "compiling app.js"')
    expect(comment).toContain('| Tests | not run: the build failed |')
    expect(comment).not.toContain('test-command')
  })

  it('puts the same in the job summary', () => {
    expect(result.summary).toContain('### ❌ Build failed: nothing pushed')
    expect(result.summary).toContain('app.js:3: syntax error')
    expect(result.summary).toContain('| Tests | not run: the build failed |')
  })
})

describe('a Dockerfile whose RUN fails, on the classic builder', () => {
  it('quotes the step and the daemon’s message', async ({ build, github }) => {
    const result = await build({
      workspace: makeWorkspace({ Dockerfile: FAILING_DOCKERFILE }),
      repository: freshRepository('failing-classic'),
      pullRequest: { number: 42 },
      env: { DOCKER_CONFIG: dockerConfigWithoutBuildx() },
      inputs: { network: 'none' }
    })
    expect(result.main.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(
      /^::error::the image build failed \(docker exit 3\): The command '\/bin\/sh -c echo "compiling app\.js" .* returned a non-zero code: 3; nothing was pushed$/
    )
    const comment = ourComment(github, 42)
    expect(comment).toMatch(/\nStep 4\/\d+ : RUN echo "compiling app\.js".*\n/)
    expect(comment).toContain('app.js:3: syntax error')
    expect(comment).toContain('| Tests | not run: the build failed |')
  })
})

describe('a target the Dockerfile does not have', () => {
  it('quotes buildx: the target stage could not be found', async ({ build, github }) => {
    const result = await build({
      workspace: makeWorkspace(),
      repository: freshRepository('no-target'),
      pullRequest: { number: 43 },
      inputs: { target: 'nope' }
    })
    expect(result.main.exitCode).toBe(1)
    expect(result.errors).toEqual([
      '::error::the image build failed (docker exit 1): ERROR: failed to solve: target stage "nope" could not be found; nothing was pushed'
    ])
    const comment = ourComment(github, 43)
    expect(comment).toContain('ERROR: failed to solve: target stage "nope" could not be found')
    expect(comment).toContain('| Tests | not run: the build failed |')
  })
})

describe('tests that allocate past test-memory', () => {
  it('are reported killed for memory, naming test-memory, and push nothing', async ({
    build,
    github
  }) => {
    const path = freshRepository('oom')
    const workspace = makeWorkspace()
    const result = await build({
      workspace,
      repository: path,
      pullRequest: { number: 44 },
      inputs: {
        'test-memory': '64m',
        'test-command': 'node -e "const kept = []; for (;;) kept.push(Buffer.alloc(1e6, 1))"'
      }
    })
    expect(result.main.exitCode).toBe(1)
    expect(result.errors.at(-1)).toBe(
      '::error::the tests were killed for using more than test-memory (64m): raise test-memory or make the tests use less; nothing was pushed'
    )
    const comment = ourComment(github, 44)
    expect(comment).toContain('### ❌ Tests ran out of memory: nothing pushed')
    expect(comment).toMatch(
      /\| Tests \| killed for memory `node -e .*` \(exit 137: over `test-memory`\)/
    )
    expect(await tagDigest(path, `sha-${workspace.sha.slice(0, 7)}`)).toBeUndefined()
  })
})

describe('a test-network the engine does not have', () => {
  it('is named in an input error before anything is built', async ({ build }) => {
    const result = await build({
      workspace: makeWorkspace(),
      repository: freshRepository('no-network'),
      inputs: { 'test-network': 'services-net' }
    })
    expect(result.main.exitCode).toBe(1)
    expect(result.errors).toEqual([
      "::error::Input 'test-network': 'services-net' does not exist on the engine: name one `docker network ls` lists, e.g. ${{ job.services.<id>.network }} to reach the job's service containers, or leave test-network empty for none"
    ])
    expect(result.main.stdout).not.toMatch(/\[command\]\S*docker (buildx )?build /)
  })
})

describe('no test-command', () => {
  it('says the image was built and pushed WITHOUT tests, never that it was tested', async ({
    build,
    github
  }) => {
    const result = await build({
      workspace: makeWorkspace(),
      repository: freshRepository('untested'),
      pullRequest: { number: 45 },
      inputs: { 'test-command': '' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.outputs['test-result']).toBe('skipped')
    const comment = ourComment(github, 45)
    expect(comment).toContain('### ⚠️ Built and pushed WITHOUT tests')
    expect(comment).toContain('| Tests | not tested: no `test-command` is set |')
    expect(comment).not.toMatch(/Tested/)
  })
})
