import { describe, expect, it } from 'vitest'
import { ActionError } from '../../src/errors.js'
import { commentMarker, MAX_BODY, renderComment } from '../../src/render/comment.js'
import { codeBlock, formatBytes, inlineCode, plainText } from '../../src/render/markdown.js'
import { BuildFailedError } from '../../src/pipeline/build-failure.js'
import {
  TESTS_NOT_REACHED,
  TESTS_NOT_RUN,
  type BuildReport,
  type SmokeTestReport
} from '../../src/pipeline/report.js'

const DIGEST = `sha256:${'d'.repeat(64)}`

function report(overrides: Partial<BuildReport> = {}): BuildReport {
  return {
    outcome: 'pushed',
    image: 'ghcr.io/acme/web',
    shaTag: 'sha-1a2b3c4',
    sha: '1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d',
    digest: DIGEST,
    tags: ['ghcr.io/acme/web:sha-1a2b3c4', 'ghcr.io/acme/web:pr-7'],
    test: {
      result: 'passed',
      stage: undefined,
      command: 'npm test',
      durationMs: 4200,
      exitCode: 0,
      timedOut: false,
      outputTail: 'ok 1 - adds\n# pass 1\n'
    },
    sizeBytes: 123_456_789,
    layers: 5,
    buildDurationMs: 61_000,
    warnings: [],
    failure: undefined,
    runUrl: 'https://github.com/acme/web/actions/runs/1',
    ...overrides
  }
}

/** A re-run that reused the image: nothing built or tested here. */
const REUSED_UNTESTED_HERE: Partial<BuildReport> = {
  outcome: 'reused',
  sizeBytes: undefined,
  layers: undefined,
  buildDurationMs: undefined,
  test: TESTS_NOT_RUN
}

const SMOKE_PASSED: SmokeTestReport = {
  result: 'passed',
  command: 'node /app/src/smoke.js',
  durationMs: 6100,
  healthCheck: true,
  attempts: 1,
  failure: undefined,
  outputTail: 'started by entrypoint\n',
  logTail: ''
}

const SMOKE_CRASHED: SmokeTestReport = {
  ...SMOKE_PASSED,
  result: 'failed',
  durationMs: 1200,
  failure: { kind: 'exited', exitCode: 3, oomKilled: false },
  outputTail: 'connect ECONNREFUSED 127.0.0.1:8080\n',
  logTail: 'prod-app: missing DATABASE_URL\n'
}

describe('renderComment, the smoke test', () => {
  it('shows the tests and the smoke test of the shipped image side by side', () => {
    const body = renderComment(
      report({ test: { ...report().test, stage: 'test' }, smokeTest: SMOKE_PASSED })
    )
    expect(body).toContain('| Tests | passed `npm test` in 4.2 s |')
    expect(body).toContain(
      '| Tested in | stage `test`: the shipped image’s layers plus the test stage’s own |'
    )
    expect(body).toContain(
      '| Smoke test | passed `node /app/src/smoke.js` in 6.1 s, once the container was healthy |'
    )
    expect(body).toContain(
      '| Smoke-tested in | the shipped image, started by its own `ENTRYPOINT` and `CMD` |'
    )
    expect(body).not.toContain('Container log')
    expect(body).toMatchSnapshot()
  })

  it('says how often a smoke test without HEALTHCHECK ran before it passed', () => {
    const body = renderComment(
      report({ smokeTest: { ...SMOKE_PASSED, healthCheck: false, attempts: 4 } })
    )
    expect(body).toContain('in 6.1 s, run 4 times until the container answered |')
  })

  it('opens the container log and the output of a failed smoke test', () => {
    const body = renderComment(
      report({
        outcome: 'smoke-test-failed',
        digest: undefined,
        tags: [],
        smokeTest: SMOKE_CRASHED,
        failure: new ActionError(
          "the shipped image's container exited with code 3 before the smoke test passed: nothing was pushed"
        )
      })
    )
    expect(body).toContain(
      '| Smoke test | failed `node /app/src/smoke.js`: the container exited with code 3 after 1.2 s |'
    )
    expect(body).toContain('<details open><summary>Smoke test</summary>')
    expect(body).toContain(codeBlock('prod-app: missing DATABASE_URL', 'text'))
    expect(body).toContain(codeBlock('connect ECONNREFUSED 127.0.0.1:8080', 'text'))
    expect(body).toMatchSnapshot()
  })

  it.each<[SmokeTestReport['failure'], string]>([
    [
      { kind: 'not-started', message: 'no command <specified>' },
      'the container could not start (no command &lt;specified&gt;)'
    ],
    [
      { kind: 'exited', exitCode: 137, oomKilled: true },
      'the container exited with code 137 (out of memory)'
    ],
    [{ kind: 'unhealthy' }, 'the container became unhealthy'],
    [{ kind: 'failed', exitCode: 1 }, 'exit 1'],
    [
      { kind: 'timed-out', waitingFor: 'healthy', lastExitCode: undefined },
      'not healthy within `test-timeout`'
    ],
    [
      { kind: 'timed-out', waitingFor: 'passing', lastExitCode: 7 },
      'did not pass within `test-timeout`'
    ]
  ])('says why it failed: %j', (failure, why) => {
    const body = renderComment(
      report({ outcome: 'smoke-test-failed', smokeTest: { ...SMOKE_CRASHED, failure } })
    )
    expect(body).toContain(`\`node /app/src/smoke.js\`: ${why} after 1.2 s |`)
  })

  it('keeps a hostile container log inside its code block', () => {
    const body = renderComment(
      report({
        outcome: 'test-failed',
        smokeTest: { ...SMOKE_CRASHED, logTail: '```\n<img src=x>\n' }
      })
    )
    expect(body).toContain(codeBlock('```\n<img src=x>', 'text'))
  })

  it('shows no smoke test when none ran', () => {
    expect(renderComment(report())).not.toContain('Smoke test')
  })

  it('shows a reused image’s recorded smoke test', () => {
    const body = renderComment(
      report({
        ...REUSED_UNTESTED_HERE,
        recordedTest: {
          result: 'passed',
          testCommand: 'npm test',
          smokeTest: 'passed',
          runUrl: 'https://github.com/acme/web/actions/runs/7',
          recordedAt: '2026-11-25T08:00:00.000Z'
        }
      })
    )
    expect(body).toContain('| Smoke test | passed, as recorded with the reused image |')
  })
})

describe('renderComment', () => {
  it('renders a passed and pushed image', () => {
    expect(renderComment(report())).toMatchSnapshot()
  })

  it('renders failed tests with the output open and no pull command', () => {
    expect(
      renderComment(
        report({
          outcome: 'test-failed',
          digest: undefined,
          tags: [],
          test: {
            result: 'failed',
            stage: undefined,
            command: 'npm test',
            durationMs: 900,
            exitCode: 1,
            timedOut: false,
            outputTail: 'not ok 1 - adds\n'
          },
          failure: new ActionError('the tests failed with exit code 1: nothing was pushed')
        })
      )
    ).toMatchSnapshot()
  })

  it('renders a skipped test and a re-run that reused the image', () => {
    const skipped = renderComment(
      report({
        test: TESTS_NOT_RUN
      })
    )
    expect(skipped).toContain('| Tests | not tested: no `test-command` is set |')
    expect(skipped).toContain('### ⚠️ Built and pushed WITHOUT tests')
    expect(skipped).not.toContain('Tested')
    expect(skipped).toMatchSnapshot()
    const reused = renderComment(
      report({
        outcome: 'reused',
        sizeBytes: undefined,
        layers: undefined,
        buildDurationMs: undefined,
        test: TESTS_NOT_RUN
      })
    )
    expect(reused).toContain('| Tests | not tested: reused image with no test record |')
    expect(reused).not.toMatch(/passed|tested before/)
    expect(reused).toMatchSnapshot()
  })

  it('says what the reused image’s test record says: result, command, run and time', () => {
    const body = renderComment(
      report({
        ...REUSED_UNTESTED_HERE,
        recordedTest: {
          result: 'passed',
          testCommand: 'npm test',
          runUrl: 'https://github.com/acme/web/actions/runs/7',
          recordedAt: '2026-11-25T08:00:00.000Z'
        }
      })
    )
    expect(body).toContain(
      '| Tests | passed `npm test` in [https://github.com/acme/web/actions/runs/7](https://github.com/acme/web/actions/runs/7) at 2026-11-25T08:00:00.000Z, as recorded with the reused image |'
    )
    expect(body).toMatchSnapshot()
  })

  it('never says passed when the record says the image was pushed untested', () => {
    const body = renderComment(
      report({
        ...REUSED_UNTESTED_HERE,
        recordedTest: {
          result: 'skipped',
          testCommand: null,
          runUrl: 'https://github.com/acme/web/actions/runs/7',
          recordedAt: '2026-11-25T08:00:00.000Z'
        }
      })
    )
    expect(body).toMatch(/\| Tests \| not tested \(no `test-command`\) in \[/)
    expect(body).not.toMatch(/passed/)
  })

  it('keeps a recorded run URL that could break a link out of the link', () => {
    const body = renderComment(
      report({
        ...REUSED_UNTESTED_HERE,
        recordedTest: {
          result: 'passed',
          testCommand: null,
          runUrl: 'https://x.test/a)<img src=x>',
          recordedAt: '2026-11-25T08:00:00.000Z'
        }
      })
    )
    expect(body).toContain('passed in https://x.test/a)&lt;img src=x&gt; at')
  })

  it('says tests that ran on this run’s build did not run on another run’s reused image', () => {
    const body = renderComment(report({ outcome: 'reused' }))
    expect(body).toContain(
      '| Tests | passed `npm test` in 4.2 s on this run’s own build, not on the reused image another run pushed |'
    )
  })

  it('says the tests ran in the shipped image itself when there is no test stage', () => {
    expect(renderComment(report())).toContain('| Tested in | the shipped image itself |')
  })

  it('names the test stage the tests ran in, built on the shipped image', () => {
    const body = renderComment(report({ test: { ...report().test, stage: 'test' } }))
    expect(body).toContain(
      '| Tested in | stage `test`: the shipped image’s layers plus the test stage’s own |'
    )
    expect(body).toMatchSnapshot()
  })

  it('starts with the marker that finds it again', () => {
    expect(renderComment(report()).startsWith(commentMarker('ghcr.io/acme/web'))).toBe(true)
  })

  it('shows the ref with digest and ready-to-paste pull and run lines', () => {
    const body = renderComment(report())
    expect(body).toContain(`docker pull ghcr.io/acme/web@${DIGEST}`)
    expect(body).toContain(`docker run --rm ghcr.io/acme/web@${DIGEST}`)
  })

  it('keeps test output that holds fences and HTML inside its code block', () => {
    const hostile = 'x\n```\n</details>\n<img src=x>\n@octocat\n````\nend'
    const body = renderComment(report({ test: { ...report().test, outputTail: hostile } }))
    expect(body).toContain('`````text\n' + hostile + '\n`````')
  })

  it('says when the build did not match the pull request head', () => {
    const body = renderComment(
      report({ warnings: ['Built commit fffffff is not the pull request head 1a2b3c4.'] })
    )
    expect(body).toContain(
      '> [!WARNING]\n> Built commit fffffff is not the pull request head 1a2b3c4.'
    )
  })

  it('stays under GitHub’s size limit with a visible cut', () => {
    const body = renderComment(
      report({
        warnings: Array.from({ length: 2000 }, (_, index) => `warning ${index} ${'w'.repeat(40)}`)
      })
    )
    expect(body.length).toBeLessThanOrEqual(MAX_BODY)
    expect(body).toMatch(/cut to stay under GitHub’s comment size limit\)$/)
  })
})

describe('renderComment after a failure', () => {
  const failedBuild: Partial<BuildReport> = {
    outcome: 'failed',
    digest: undefined,
    tags: [],
    sizeBytes: undefined,
    layers: undefined,
    buildDurationMs: undefined,
    test: TESTS_NOT_REACHED,
    failure: new BuildFailedError('the image build', 1, {
      summary: 'ERROR: failed to solve: process "/bin/sh -c make" did not complete: exit code: 2',
      lines: [
        '[build 2/3] RUN make',
        'app.c:3: error: expected `;` </details>',
        'ERROR: failed to solve: process "/bin/sh -c make" did not complete: exit code: 2'
      ]
    })
  }

  it('quotes the build’s own error, open, and says the tests did not run because of it', () => {
    const body = renderComment(report(failedBuild))
    expect(body).toContain('### ❌ Build failed: nothing pushed')
    expect(body).toContain(
      '> [!CAUTION]\n> the image build failed (docker exit 1): ERROR: failed to solve: process "/bin/sh -c make" did not complete: exit code: 2; nothing was pushed'
    )
    expect(body).toContain(
      '<details open><summary>Build error</summary>\n\n```text\n[build 2/3] RUN make\napp.c:3: error: expected `;` </details>\n'
    )
    expect(body).toContain('| Tests | not run: the build failed |')
    expect(body).not.toContain('test-command')
    expect(body).toMatchSnapshot()
  })

  it('says the tests did not run when the run failed before them for another reason', () => {
    const body = renderComment(
      report({ ...failedBuild, failure: new ActionError('registry ghcr.io unreachable') })
    )
    expect(body).toContain('| Tests | not run: the run failed before the tests |')
    expect(body).not.toContain('Build error')
  })

  it('says tests that passed before a failed push passed', () => {
    const body = renderComment(
      report({ ...failedBuild, test: report().test, failure: new ActionError('push refused') })
    )
    expect(body).toContain('| Tests | passed `npm test` in 4.2 s |')
  })

  it('names test-memory when the tests were killed for memory', () => {
    const test = { ...report().test, result: 'failed' as const, exitCode: 137, oomKilled: true }
    const body = renderComment(report({ ...failedBuild, outcome: 'test-failed', test }))
    expect(body).toContain(
      '| Tests | killed for memory `npm test` (exit 137: over `test-memory`) in 4.2 s |'
    )
  })

  it('says why the test container could not start', () => {
    const test = {
      ...report().test,
      result: 'failed' as const,
      exitCode: 125,
      couldNotStart: "test-network 'db' does not exist on the engine"
    }
    const body = renderComment(report({ ...failedBuild, outcome: 'test-failed', test }))
    expect(body).toContain(
      "| Tests | could not start `npm test`: test-network 'db' does not exist on the engine |"
    )
  })
})

describe('markdown', () => {
  it('fences code with more backticks than the text holds', () => {
    expect(codeBlock('a ```` b')).toBe('`````\na ```` b\n`````')
  })

  it('quotes inline code that holds backticks', () => {
    expect(inlineCode('a`b')).toBe('``a`b``')
  })

  it('escapes HTML and defuses mentions in plain text', () => {
    expect(plainText('<b>@octocat</b>')).toBe('&lt;b&gt;@\u200boctocat&lt;/b&gt;')
  })

  it.each([
    [999, '999 B'],
    [1500, '1.5 KB'],
    [123_456_789, '123 MB']
  ])('formatBytes(%i)', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text)
  })
})
