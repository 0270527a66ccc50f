// The comment's and summary's first words: what happened to the image, never "tested" unless it was.
import type { BuildReport, TestReport } from '../pipeline/report.js'
import { BuildFailedError } from '../pipeline/build-failure.js'

export function headlineText(report: BuildReport): string {
  switch (report.outcome) {
    case 'pushed':
      return `${pushedHeadline(report)}${report.pushedByDigest === true ? ' by digest, for merge' : ''}`
    case 'built':
      if (ranNoTests(report)) return '⚠️ Built WITHOUT tests (not pushed)'
      return onlySmokeTested(report)
        ? '✅ Built and smoke-tested (not pushed)'
        : '✅ Built and tested (not pushed)'
    case 'reused':
      return reusedHeadline(report)
    case 'test-failed':
      return `❌ ${testFailure(report.test)}: nothing pushed`
    case 'smoke-test-failed':
      return '❌ Smoke test failed: nothing pushed'
    case 'failed':
      // Only a failure after the SHA tag's push leaves a digest on a failed run.
      if (report.digest !== undefined) return '❌ Pushed, then failed: not every tag was set'
      return report.failure instanceof BuildFailedError
        ? '❌ Build failed: nothing pushed'
        : '❌ Failed: nothing pushed'
  }
}

function pushedHeadline(report: BuildReport): string {
  if (ranNoTests(report)) return '⚠️ Built and pushed WITHOUT tests'
  return onlySmokeTested(report) ? '✅ Smoke-tested and pushed' : '✅ Tested and pushed'
}

/** Whether this run's image went on without any test: no test-command and no smoke-test. */
export function ranNoTests(report: BuildReport): boolean {
  return report.test.result === 'skipped' && report.smokeTest === undefined
}

/** No test-command, but the shipped image passed its smoke test. */
function onlySmokeTested(report: BuildReport): boolean {
  return report.test.result === 'skipped' && report.smokeTest !== undefined
}

/**
 * Nothing was tested by this run; the headline says what the image's own test record says about
 * the run that pushed it, or that there is none.
 */
function reusedHeadline(report: BuildReport): string {
  if (report.test.result === 'skipped') {
    if (report.recordedTest === undefined)
      return '♻️ Reused: pushed by an earlier run, with no record of tests'
    if (report.recordedTest.result === 'skipped')
      return '♻️ Reused: pushed WITHOUT tests by an earlier run'
  }
  return '♻️ Reused: pushed by an earlier run, not tested by this one'
}

function testFailure(test: TestReport): string {
  if (test.timedOut) return 'Tests timed out'
  if (test.oomKilled === true) return 'Tests ran out of memory'
  return 'Tests failed'
}
