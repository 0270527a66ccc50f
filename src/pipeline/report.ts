// What one run of the pipeline did, as plain data for the comment, the summary and the outputs.

export type TestResult = 'passed' | 'failed' | 'skipped'

/** Why tests that were skipped did not run: none were asked for, or the run failed before them. */
export type TestsNotRun = 'no-test-command' | 'run-failed-first' | 'no-platform-runs-here'

export type Outcome =
  /** Built, tested and pushed. */
  | 'pushed'
  /** The SHA tag was already in the registry: reused, nothing rebuilt. */
  | 'reused'
  /** Built and tested; push was off. */
  | 'built'
  | 'test-failed'
  /** The tests passed; the smoke test of the shipped image did not. Nothing pushed. */
  | 'smoke-test-failed'
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

/** Why a smoke test failed, as the person reading the report needs to know it first. */
export type SmokeTestFailure =
  /** `docker run` could not start the container; `message` is its last line. */
  | { readonly kind: 'not-started'; readonly message: string }
  /** The container exited before the smoke test passed. */
  | { readonly kind: 'exited'; readonly exitCode: number; readonly oomKilled: boolean }
  /** Its HEALTHCHECK found it unhealthy before the smoke test ran. */
  | { readonly kind: 'unhealthy' }
  /** The command failed in the healthy container. */
  | { readonly kind: 'failed'; readonly exitCode: number }
  /** test-timeout ended while waiting for the container to be healthy, or for the command to pass. */
  | {
      readonly kind: 'timed-out'
      readonly waitingFor: 'healthy' | 'passing'
      readonly lastExitCode: number | undefined
    }

/** The smoke test of the shipped image, started as it runs in production. */
export interface SmokeTestReport {
  readonly result: 'passed' | 'failed'
  readonly command: string
  readonly durationMs: number
  /** The image has a HEALTHCHECK: the command ran once, when the container was healthy. */
  readonly healthCheck: boolean
  /** How many times the command ran (retried until it passed, without a HEALTHCHECK). */
  readonly attempts: number
  readonly failure: SmokeTestFailure | undefined
  /** The last run of the command's output. */
  readonly outputTail: string
  /** The end of the container's log (and its last HEALTHCHECK output), read when the test failed. */
  readonly logTail: string
}

/** One platform of a multi-platform build: whether the tests ran on it, or it was only built. */
export interface PlatformOutcome {
  /** os/arch[/variant], as the platforms input gives it. */
  readonly platform: string
  readonly tested: boolean
}

/** What the test record attached to a reused image says: which run tested it, when, and how. */
export interface RecordedTest {
  readonly result: TestResult
  readonly testCommand: string | null
  /** The smoke test's result; null (or absent) when none ran. */
  readonly smokeTest?: TestResult | null
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
  /** The smoke test; undefined when it did not run (no smoke-test, the tests failed, a reused image). */
  readonly smokeTest?: SmokeTestReport | undefined
  readonly sizeBytes: number | undefined
  readonly layers: number | undefined
  readonly buildDurationMs: number | undefined
  /** Pushed by digest with no tag (push-by-digest), for the merge sub-action. */
  readonly pushedByDigest?: boolean
  /** Each platform of the `platforms` input; empty or absent without it. */
  readonly platforms?: readonly PlatformOutcome[]
  readonly warnings: readonly string[]
  /** Why the run failed, when it did: the error itself, an ActionError unless it is a bug. */
  readonly failure: Error | undefined
  readonly runUrl: string
}

export function imageRef(report: BuildReport): string | undefined {
  return report.digest === undefined ? undefined : `${report.image}@${report.digest}`
}
