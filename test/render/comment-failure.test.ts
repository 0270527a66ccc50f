// The pull-request comment after a failure: the build's own error, and why the tests did not run.
import { describe, expect, it } from 'vitest'
import { ActionError } from '../../src/errors.js'
import { BuildFailedError } from '../../src/pipeline/build-failure.js'
import { TESTS_NOT_REACHED, type BuildReport } from '../../src/pipeline/report.js'
import { renderComment } from '../../src/render/comment.js'
import { report } from './build-report-fixture.js'

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
