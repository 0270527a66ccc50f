// The build report every comment test starts from, and the smoke tests it can carry.
import { TESTS_NOT_RUN, type BuildReport, type SmokeTestReport } from '../../src/pipeline/report.js'

export const DIGEST = `sha256:${'d'.repeat(64)}`

/** A pushed image whose tests passed, with these fields changed. */
export function report(overrides: Partial<BuildReport> = {}): BuildReport {
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
export const REUSED_UNTESTED_HERE: Partial<BuildReport> = {
  outcome: 'reused',
  sizeBytes: undefined,
  layers: undefined,
  buildDurationMs: undefined,
  test: TESTS_NOT_RUN
}

export const SMOKE_PASSED: SmokeTestReport = {
  result: 'passed',
  command: 'node /app/src/smoke.js',
  durationMs: 6100,
  healthCheck: true,
  attempts: 1,
  failure: undefined,
  outputTail: 'started by entrypoint\n',
  logTail: ''
}

export const SMOKE_CRASHED: SmokeTestReport = {
  ...SMOKE_PASSED,
  result: 'failed',
  durationMs: 1200,
  failure: { kind: 'exited', exitCode: 3, oomKilled: false },
  outputTail: 'connect ECONNREFUSED 127.0.0.1:8080\n',
  logTail: 'prod-app: missing DATABASE_URL\n'
}
