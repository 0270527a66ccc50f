import { describe, expect, it } from 'vitest'
import { smokeTestFailureMessage } from '../../src/pipeline/smoke-test.js'
import type { SmokeTestFailure } from '../../src/pipeline/report.js'

describe('smokeTestFailureMessage', () => {
  it.each<[SmokeTestFailure, string]>([
    [
      { kind: 'not-started', message: 'no command specified' },
      'the shipped image could not start for the smoke test: no command specified: nothing was pushed'
    ],
    [
      { kind: 'exited', exitCode: 3, oomKilled: false },
      "the shipped image's container exited with code 3 before the smoke test passed: nothing was pushed"
    ],
    [
      { kind: 'exited', exitCode: 137, oomKilled: true },
      "the shipped image's container exited with code 137 (out of memory: test-memory) before the smoke test passed: nothing was pushed"
    ],
    [
      { kind: 'unhealthy' },
      "the shipped image's container became unhealthy (its HEALTHCHECK failed) before the smoke test ran: nothing was pushed"
    ],
    [
      { kind: 'failed', exitCode: 1 },
      'the smoke test failed with exit code 1 in the healthy container: nothing was pushed'
    ],
    [
      { kind: 'timed-out', waitingFor: 'healthy', lastExitCode: undefined },
      "the shipped image's container was not healthy within test-timeout (30 s): nothing was pushed"
    ],
    [
      { kind: 'timed-out', waitingFor: 'passing', lastExitCode: 7 },
      'the smoke test did not pass within test-timeout (30 s), last exit code 7: nothing was pushed'
    ]
  ])('says what happened to %j', (failure, message) => {
    expect(smokeTestFailureMessage(failure, 30)).toBe(message)
  })
})
