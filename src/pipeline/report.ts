// What one run of the pipeline did, as plain data for the comment, the summary and the outputs.

export type TestResult = 'passed' | 'failed' | 'skipped'

/** Why tests that were skipped did not run: none were asked for, or the run failed before them. */
export type TestsNotRun = 'no-test-command' | 'run-failed-first'

export type Outcome =
  /** Built, tested and pushed. */
  | 'pushed'
  /** The SHA tag was already in the registry: reused, nothing rebuilt. */
  | 'reused'
  /** Built and tested; push was off. */
  | 'built'
  | 'test-failed'
  | 'failed'

export interface TestReport {
  readonly result: TestResult
  /** The Dockerfile stage the tests ran in (test-target); undefined when they ran in the shipped image. */
  readonly stage: string | undefined
  readonly command: string | undefined
  readonly durationMs: number | undefined
  readonly exitCode: number | undefined
  readonly timedOut: boolean
  /** The engine killed the container for passing its memory limit (State.OOMKilled). */
  readonly oomKilled?: boolean
  /** Why the container could not start at all, in words naming what to fix. */
  readonly couldNotStart?: string
  /** Set when result is skipped. */
  readonly notRun?: TestsNotRun
  readonly outputTail: string
}

/** No test-command: the image goes on untested. */
export const TESTS_NOT_RUN: TestReport = {
  result: 'skipped',
  stage: undefined,
  command: undefined,
  durationMs: undefined,
  exitCode: undefined,
  timedOut: false,
  notRun: 'no-test-command',
  outputTail: ''
}

/** The run failed (the build, a registry, an input) before the tests could start. */
export const TESTS_NOT_REACHED: TestReport = { ...TESTS_NOT_RUN, notRun: 'run-failed-first' }

/** What the test record attached to a reused image says: which run tested it, when, and how. */
export interface RecordedTest {
  readonly result: TestResult
  readonly testCommand: string | null
  /** The workflow run that tested and pushed the image. */
  readonly runUrl: string
  /** When that run recorded it, ISO 8601. */
  readonly recordedAt: string
}

export interface BuildReport {
  readonly outcome: Outcome
  /** Repository name, e.g. ghcr.io/acme/web. */
  readonly image: string
  readonly shaTag: string
  readonly sha: string
  readonly digest: string | undefined
  /** Every reference pushed or reused, the SHA tag first. */
  readonly tags: readonly string[]
  readonly test: TestReport
  /**
   * For a reused image: its test record, or undefined when it has none, i.e. it is not known to
   * have been tested.
   */
  readonly recordedTest?: RecordedTest | undefined
  readonly sizeBytes: number | undefined
  readonly layers: number | undefined
  readonly buildDurationMs: number | undefined
  readonly warnings: readonly string[]
  /** Why the run failed, when it did: the error itself, an ActionError unless it is a bug. */
  readonly failure: Error | undefined
  readonly runUrl: string
}

export function imageRef(report: BuildReport): string | undefined {
  return report.digest === undefined ? undefined : `${report.image}@${report.digest}`
}
