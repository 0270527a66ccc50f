import { describe, expect, it } from 'vitest'
import { smokeTestResultOutput, testResultOutput } from '../../src/build-test-push/publish.js'
import {
  TESTS_NOT_RUN,
  type BuildReport,
  type RecordedTest,
  type SmokeTestReport
} from '../../src/pipeline/report.js'

const PASSED = { ...TESTS_NOT_RUN, result: 'passed' as const, command: 'npm test', durationMs: 5 }

const RECORD: RecordedTest = {
  result: 'passed',
  testCommand: 'npm test',
  runUrl: 'https://github.com/acme/web/actions/runs/7',
  recordedAt: '2026-11-25T08:00:00.000Z'
}

const SMOKE_PASSED: SmokeTestReport = {
  result: 'passed',
  command: 'wget -qO- http://127.0.0.1:8080/',
  durationMs: 900,
  healthCheck: true,
  attempts: 1,
  failure: undefined,
  outputTail: '',
  logTail: ''
}

const SMOKE_FAILED: SmokeTestReport = {
  ...SMOKE_PASSED,
  result: 'failed',
  failure: { kind: 'exited', exitCode: 3, oomKilled: false },
  logTail: 'listen EADDRINUSE'
}

function report(overrides: Partial<BuildReport>): BuildReport {
  return {
    outcome: 'pushed',
    image: 'ghcr.io/acme/web',
    shaTag: 'sha-aaaaaaa',
    sha: 'a'.repeat(40),
    digest: `sha256:${'d'.repeat(64)}`,
    tags: [],
    test: PASSED,
    sizeBytes: undefined,
    layers: undefined,
    buildDurationMs: undefined,
    warnings: [],
    failure: undefined,
    runUrl: '',
    ...overrides
  }
}

describe('the test-result output', () => {
  it.each([
    ['a pushed image', report({}), 'passed'],
    [
      'a reused image with a passing record',
      report({ outcome: 'reused', test: TESTS_NOT_RUN, recordedTest: RECORD }),
      'passed'
    ],
    [
      'a reused image whose record says it was pushed untested',
      report({
        outcome: 'reused',
        test: TESTS_NOT_RUN,
        recordedTest: { ...RECORD, result: 'skipped' }
      }),
      'skipped'
    ],
    [
      'a reused image with no record',
      report({ outcome: 'reused', test: TESTS_NOT_RUN }),
      'not-tested'
    ],
    ['a reused image after this run’s own tests', report({ outcome: 'reused' }), 'passed'],
    ['an image built without a test-command', report({ test: TESTS_NOT_RUN }), 'skipped']
  ])('is what %s says', (_, given, expected) => {
    expect(testResultOutput(given)).toBe(expected)
  })

  it('is failed when the tests passed but the smoke test failed', () => {
    expect(
      testResultOutput(report({ outcome: 'smoke-test-failed', smokeTest: SMOKE_FAILED }))
    ).toBe('failed')
  })

  it('stays the tests’ result when the smoke test passed', () => {
    expect(testResultOutput(report({ smokeTest: SMOKE_PASSED }))).toBe('passed')
  })
})

describe('the smoke-test-result output', () => {
  it.each([
    ['a passed smoke test', report({ smokeTest: SMOKE_PASSED }), 'passed'],
    [
      'a failed smoke test',
      report({ outcome: 'smoke-test-failed', smokeTest: SMOKE_FAILED }),
      'failed'
    ],
    ['a run without smoke-test', report({}), 'skipped'],
    [
      'a reused image whose record has a smoke test',
      report({
        outcome: 'reused',
        test: TESTS_NOT_RUN,
        recordedTest: { ...RECORD, smokeTest: 'passed' }
      }),
      'passed'
    ],
    [
      'a reused image whose record has none',
      report({
        outcome: 'reused',
        test: TESTS_NOT_RUN,
        recordedTest: { ...RECORD, smokeTest: null }
      }),
      'skipped'
    ],
    [
      'a reused image with no record',
      report({ outcome: 'reused', test: TESTS_NOT_RUN }),
      'not-tested'
    ]
  ])('is what %s says', (_, given, expected) => {
    expect(smokeTestResultOutput(given)).toBe(expected)
  })
})
