// The pull-request comment and the job summary: one pure rendering of a BuildReport.
import {
  codeBlock,
  details,
  factTable,
  formatBytes,
  formatDuration,
  inlineCode,
  plainText
} from './markdown.js'
import {
  imageRef,
  type BuildReport,
  type SmokeTestFailure,
  type SmokeTestReport
} from '../pipeline/report.js'
import { BuildFailedError } from '../pipeline/build-failure.js'
import { headlineText } from './headline.js'
import { platformRows } from './platforms.js'

/** GitHub refuses bodies over 65,536 characters; keep well under it. */
export const MAX_BODY = 60_000
const TEST_TAIL_LINES = 60
const MAX_TAIL_CHARS = 20_000
/** The starter workflow users copy for manual promotion (workflows/promote.yml). */
const PROMOTE_WORKFLOW = 'promote.yml'

export function commentMarker(image: string): string {
  return `<!-- immutable-image:${image.replace(/--/g, '- -')} -->`
}

export function renderComment(report: BuildReport): string {
  return capLength(`${commentMarker(report.image)}\n${sections(report)}`)
}

/** The same facts for the job summary, which needs no marker. */
export function renderReport(report: BuildReport): string {
  return capLength(sections(report))
}

/** Short at the top (status, ref, pull command); the rest collapsed for whoever wants it. */
function sections(report: BuildReport): string {
  return [
    headline(report),
    pullCommand(report),
    ...warnings(report),
    failure(report),
    buildErrorOutput(report),
    details('Details', factsTable(report)),
    testOutput(report),
    smokeTestLog(report),
    promotion(report),
    footer(report)
  ]
    .filter((section) => section !== '')
    .join('\n\n')
}

function headline(report: BuildReport): string {
  const ref = imageRef(report)
  const title = `### ${headlineText(report)} · ${inlineCode(`${report.image}:${report.shaTag}`)}`
  return ref === undefined ? title : `${title}\n\n${inlineCode(ref)}`
}

function pullCommand(report: BuildReport): string {
  const ref = imageRef(report)
  return ref === undefined ? '' : codeBlock(`docker pull ${ref}`, 'sh')
}

function warnings(report: BuildReport): string[] {
  return report.warnings.map((warning) => `> [!WARNING]\n> ${plainText(warning)}`)
}

function failure(report: BuildReport): string {
  if (report.failure === undefined) return ''
  const { failure } = report
  const message = failure instanceof BuildFailedError ? failure.unescapedMessage : failure.message
  return `> [!CAUTION]\n> ${plainText(message)}`
}

function factsTable(report: BuildReport): string {
  const rows: [string, string][] = [['Commit', inlineCode(report.sha)]]
  if (report.tags.length > 0) {
    rows.push(['Tags', report.tags.map((tag) => inlineCode(tag)).join('<br>')])
  }
  rows.push(['Tests', testSummary(report)])
  if (report.test.result !== 'skipped') rows.push(['Tested in', testedIn(report)])
  rows.push(...platformRows(report))
  rows.push(...smokeTestRows(report))
  if (report.sizeBytes !== undefined) {
    const layers = report.layers === undefined ? '' : ` in ${report.layers} layers`
    rows.push(['Size', `${formatBytes(report.sizeBytes)}${layers}`])
  }
  if (report.buildDurationMs !== undefined) {
    rows.push(['Build', formatDuration(report.buildDurationMs)])
  }
  return factTable(rows)
}

/**
 * A reused image was not tested by this run: what its test record says, or "not tested" without
 * one, never "passed". When this run tested its own build and then found another run's image under
 * the tag, the result is for its build only.
 */
function testSummary(report: BuildReport): string {
  if (report.outcome !== 'reused') return testResult(report)
  if (report.test.result !== 'skipped') {
    return `${testResult(report)} on this run’s own build, not on the reused image another run pushed`
  }
  const recorded = report.recordedTest
  if (recorded === undefined) return 'not tested: reused image with no test record'
  const command = recorded.testCommand === null ? '' : ` ${inlineCode(recorded.testCommand)}`
  const where = recorded.runUrl === '' ? '' : ` in ${runLink(recorded.runUrl)}`
  const result = recorded.result === 'skipped' ? 'not tested (no `test-command`)' : recorded.result
  return `${result}${recorded.result === 'skipped' ? '' : command}${where} at ${plainText(recorded.recordedAt)}, as recorded with the reused image`
}

/** A link when the URL cannot break out of one; plain text otherwise. */
function runLink(url: string): string {
  return /^https:\/\/[^\s<>()[\]`|\\]+$/.test(url) ? `[${plainText(url)}](${url})` : plainText(url)
}

/** Which bytes the tests saw: the shipped image, or a test stage proved to be built on it. */
function testedIn(report: BuildReport): string {
  const { stage } = report.test
  if (stage === undefined) return 'the shipped image itself'
  return `stage ${inlineCode(stage)}: the shipped image’s layers plus the test stage’s own`
}

function testResult(report: BuildReport): string {
  const { test } = report
  const command = test.command === undefined ? '' : ` ${inlineCode(test.command)}`
  const took = test.durationMs === undefined ? '' : ` in ${formatDuration(test.durationMs)}`
  switch (test.result) {
    case 'passed':
      return `passed${command}${took}`
    case 'failed':
      if (test.timedOut) return `timed out${command}${took}`
      if (test.oomKilled === true) {
        return `killed for memory${command} (exit ${test.exitCode ?? '?'}: over \`test-memory\`)${took}`
      }
      if (test.couldNotStart !== undefined) {
        return `could not start${command}: ${plainText(test.couldNotStart)}`
      }
      return `failed${command} (exit ${test.exitCode ?? '?'})${took}`
    case 'skipped':
      if (test.notRun === 'run-failed-first') {
        return report.failure instanceof BuildFailedError
          ? 'not run: the build failed'
          : 'not run: the run failed before the tests'
      }
      if (test.notRun === 'no-platform-runs-here') {
        return 'not tested: none of the platforms built can run on this runner'
      }
      return 'not tested: no `test-command` is set'
  }
}

/** The build's own error, open: the failing step's last lines and the builder's message. */
function buildErrorOutput(report: BuildReport): string {
  if (!(report.failure instanceof BuildFailedError)) return ''
  const { lines } = report.failure.buildError
  if (lines.length === 0) return ''
  const section = details('Build error', codeBlock(lines.join('\n'), 'text'))
  return section.replace('<details>', '<details open>')
}

function testOutput(report: BuildReport): string {
  const tail = lastLines(report.test.outputTail, TEST_TAIL_LINES)
  if (tail === '') return ''
  const section = details(`Test output (last ${TEST_TAIL_LINES} lines)`, codeBlock(tail, 'text'))
  return report.test.result === 'failed' ? section.replace('<details>', '<details open>') : section
}

/** The smoke test of the shipped image, started by its own ENTRYPOINT: this run's, or as recorded. */
function smokeTestRows(report: BuildReport): [string, string][] {
  const smoke = report.smokeTest
  if (smoke === undefined) {
    const recorded = report.outcome === 'reused' ? report.recordedTest?.smokeTest : undefined
    return recorded === undefined || recorded === null
      ? []
      : [['Smoke test', `${recorded}, as recorded with the reused image`]]
  }
  const command = inlineCode(smoke.command)
  const took = formatDuration(smoke.durationMs)
  const result =
    smoke.failure === undefined
      ? `passed ${command} in ${took}${whenItRan(smoke)}`
      : `failed ${command}: ${smokeFailure(smoke.failure)} after ${took}`
  return [
    ['Smoke test', result],
    ['Smoke-tested in', 'the shipped image, started by its own `ENTRYPOINT` and `CMD`']
  ]
}

function whenItRan(smoke: SmokeTestReport): string {
  if (smoke.healthCheck) return ', once the container was healthy'
  return smoke.attempts > 1 ? `, run ${smoke.attempts} times until the container answered` : ''
}

function smokeFailure(failure: SmokeTestFailure): string {
  switch (failure.kind) {
    case 'not-started':
      return `the container could not start (${plainText(failure.message)})`
    case 'exited':
      return `the container exited with code ${failure.exitCode}${failure.oomKilled ? ' (out of memory)' : ''}`
    case 'unhealthy':
      return 'the container became unhealthy'
    case 'failed':
      return `exit ${failure.exitCode}`
    case 'timed-out':
      return failure.waitingFor === 'healthy'
        ? 'not healthy within `test-timeout`'
        : 'did not pass within `test-timeout`'
  }
}

/** When the smoke test failed: the container's log and the command's output, open. */
function smokeTestLog(report: BuildReport): string {
  const smoke = report.smokeTest
  if (smoke?.failure === undefined) return ''
  const log = lastLines(smoke.logTail, TEST_TAIL_LINES)
  const output = lastLines(smoke.outputTail, TEST_TAIL_LINES)
  const blocks = [
    log === '' ? '' : `Container log (last ${TEST_TAIL_LINES} lines):\n\n${codeBlock(log, 'text')}`,
    output === '' ? '' : `Smoke test output:\n\n${codeBlock(output, 'text')}`
  ].filter((block) => block !== '')
  if (blocks.length === 0) return ''
  return details('Smoke test', blocks.join('\n\n')).replace('<details>', '<details open>')
}

function promotion(report: BuildReport): string {
  if (report.digest === undefined) return ''
  const ref = imageRef(report) ?? ''
  const commands = [
    `gh workflow run ${PROMOTE_WORKFLOW} -f environment=staging -f source=${report.digest}`,
    `docker run --rm ${ref}`
  ]
  return details('Promote or run this digest', codeBlock(commands.join('\n'), 'sh'))
}

function footer(report: BuildReport): string {
  return report.runUrl === '' ? '' : `<sub>[Workflow run](${report.runUrl}) · immutable-image</sub>`
}

function lastLines(text: string, count: number): string {
  // Strip ANSI colours and carriage-return progress lines so the tail reads as a log.
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').replace(/\r(?!\n)/g, '\n')
  return clean.slice(-MAX_TAIL_CHARS).split('\n').slice(-count).join('\n').trim()
}

function capLength(body: string): string {
  if (body.length <= MAX_BODY) return body
  const cut = '\n\n… (cut to stay under GitHub’s comment size limit)'
  return body.slice(0, MAX_BODY - cut.length) + cut
}
