// Every outcome's headline, for every state of its tests: "tested" only when tests ran and passed.
import { describe, expect, it } from 'vitest'
import { ActionError } from '../../src/errors.js'
import { BuildFailedError } from '../../src/pipeline/build-failure.js'
import {
  TESTS_NOT_REACHED,
  TESTS_NOT_RUN,
  type BuildReport,
  type RecordedTest,
  type TestReport
} from '../../src/pipeline/report.js'
import { headlineText } from '../../src/render/headline.js'

const PASSED: TestReport = {
  ...TESTS_NOT_RUN,
  result: 'passed',
  notRun: undefined,
  command: 'npm test',
  durationMs: 10,
  exitCode: 0
}
const FAILED: TestReport = { ...PASSED, result: 'failed', exitCode: 1 }
const TIMED_OUT: TestReport = { ...FAILED, exitCode: 137, timedOut: true }
const OUT_OF_MEMORY: TestReport = { ...FAILED, exitCode: 137, oomKilled: true }
const RECORD: RecordedTest = {
  result: 'passed',
  testCommand: 'npm test',
  runUrl: 'https://github.com/acme/web/actions/runs/7',
  recordedAt: '2026-11-25T08:00:00.000Z'
}
const BUILD_FAILED = new BuildFailedError('the image build', 1, { summary: 'ERROR: x', lines: [] })

function report(
  outcome: BuildReport['outcome'],
  test: TestReport,
  extra: Partial<BuildReport> = {}
): BuildReport {
  return {
    outcome,
    image: 'ghcr.io/acme/web',
    shaTag: 'sha-1a2b3c4',
    sha: '1a2b3c4d'.repeat(5),
    digest: undefined,
    tags: [],
    test,
    sizeBytes: undefined,
    layers: undefined,
    buildDurationMs: undefined,
    warnings: [],
    failure: undefined,
    runUrl: '',
    ...extra
  }
}

describe('headlineText', () => {
  it.each([
    ['pushed, tests passed', report('pushed', PASSED), '✅ Tested and pushed'],
    [
      'pushed, no test-command',
      report('pushed', TESTS_NOT_RUN),
      '⚠️ Built and pushed WITHOUT tests'
    ],
    ['built, tests passed', report('built', PASSED), '✅ Built and tested (not pushed)'],
    [
      'built, no test-command',
      report('built', TESTS_NOT_RUN),
      '⚠️ Built WITHOUT tests (not pushed)'
    ],
    [
      'reused, the record says passed',
      report('reused', TESTS_NOT_RUN, { recordedTest: RECORD }),
      '♻️ Reused: pushed by an earlier run, not tested by this one'
    ],
    [
      'reused, the record says untested',
      report('reused', TESTS_NOT_RUN, { recordedTest: { ...RECORD, result: 'skipped' } }),
      '♻️ Reused: pushed WITHOUT tests by an earlier run'
    ],
    [
      'reused, no record',
      report('reused', TESTS_NOT_RUN),
      '♻️ Reused: pushed by an earlier run, with no record of tests'
    ],
    [
      'reused after this run tested its own build',
      report('reused', PASSED),
      '♻️ Reused: pushed by an earlier run, not tested by this one'
    ],
    ['tests failed', report('test-failed', FAILED), '❌ Tests failed: nothing pushed'],
    ['tests timed out', report('test-failed', TIMED_OUT), '❌ Tests timed out: nothing pushed'],
    [
      'tests killed for memory',
      report('test-failed', OUT_OF_MEMORY),
      '❌ Tests ran out of memory: nothing pushed'
    ],
    [
      'the build failed',
      report('failed', TESTS_NOT_REACHED, { failure: BUILD_FAILED }),
      '❌ Build failed: nothing pushed'
    ],
    [
      'a registry failed before the build',
      report('failed', TESTS_NOT_REACHED, { failure: new ActionError('registry down') }),
      '❌ Failed: nothing pushed'
    ],
    [
      'an extra tag failed after the SHA tag was pushed',
      report('failed', PASSED, {
        digest: `sha256:${'a'.repeat(64)}`,
        tags: ['ghcr.io/acme/web:sha-1a2b3c4'],
        failure: new ActionError('pushing docker.io/acme/web:latest failed: denied')
      }),
      '❌ Pushed, then failed: not every tag was set'
    ]
  ])('%s: %s', (_case, given, headline) => {
    expect(headlineText(given)).toBe(headline)
  })

  it('never says tested for an image no test ran on', () => {
    for (const outcome of ['pushed', 'built', 'reused', 'failed'] as const) {
      expect(headlineText(report(outcome, TESTS_NOT_RUN))).not.toMatch(/\btested\b(?! by this)/i)
    }
  })
})
