// The pull-request comment of a pushed, failed or reused image: rows, commands, marker, size limit.
import { describe, expect, it } from 'vitest'
import { ActionError } from '../../src/errors.js'
import { TESTS_NOT_RUN } from '../../src/pipeline/report.js'
import { commentMarker, MAX_BODY, renderComment } from '../../src/render/comment.js'
import { DIGEST, REUSED_UNTESTED_HERE, report } from './build-report-fixture.js'

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
