// The pull-request comment's smoke-test rows: passed, retried, failed with its log, recorded.
import { describe, expect, it } from 'vitest'
import { ActionError } from '../../src/errors.js'
import type { SmokeTestReport } from '../../src/pipeline/report.js'
import { renderComment } from '../../src/render/comment.js'
import { codeBlock } from '../../src/render/markdown.js'
import {
  REUSED_UNTESTED_HERE,
  report,
  SMOKE_CRASHED,
  SMOKE_PASSED
} from './build-report-fixture.js'

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
