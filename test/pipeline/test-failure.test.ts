// Why the tests failed, in words naming the input to change: memory, the network, the command.
import { describe, expect, it } from 'vitest'
import { TESTS_NOT_RUN, type TestReport } from '../../src/pipeline/report.js'
import { containerStartProblem, testFailureMessage } from '../../src/pipeline/test-failure.js'

const FAILED: TestReport = {
  ...TESTS_NOT_RUN,
  result: 'failed',
  notRun: undefined,
  command: 'npm test',
  durationMs: 10,
  exitCode: 1
}
const SETTINGS = { timeoutSeconds: 900, memory: '64m' }
const TEST = { command: ['/bin/sh', '-c', 'npm test'], network: 'services-net' }

describe('testFailureMessage', () => {
  it.each([
    [
      'a failing command',
      FAILED,
      SETTINGS,
      'the tests failed with exit code 1: nothing was pushed'
    ],
    [
      'a timeout',
      { ...FAILED, exitCode: 137, timedOut: true },
      SETTINGS,
      'the tests timed out after 900 s: nothing was pushed'
    ],
    [
      'an OOM kill under test-memory',
      { ...FAILED, exitCode: 137, oomKilled: true },
      SETTINGS,
      'the tests were killed for using more than test-memory (64m): raise test-memory or make the tests use less; nothing was pushed'
    ],
    [
      'an OOM kill with no limit',
      { ...FAILED, exitCode: 137, oomKilled: true },
      { ...SETTINGS, memory: undefined },
      'the tests were killed for running out of memory with no test-memory limit: the runner itself ran out; nothing was pushed'
    ],
    [
      'a container that could not start',
      { ...FAILED, exitCode: 127, couldNotStart: 'check that npm exists in the image' },
      SETTINGS,
      'the test container could not start: check that npm exists in the image; nothing was pushed'
    ]
  ])('%s', (_case, test, settings, message) => {
    expect(testFailureMessage(test, settings)).toBe(message)
  })

  it('names an exit code 137 without an OOM kill as the exit code it is', () => {
    expect(testFailureMessage({ ...FAILED, exitCode: 137 }, SETTINGS)).toBe(
      'the tests failed with exit code 137: nothing was pushed'
    )
  })
})

describe('containerStartProblem', () => {
  // What docker 26.1 prints, as `docker run` on the test engine printed it.
  it.each([
    [
      'a test-network that does not exist',
      125,
      'WARNING: IPv4 forwarding is disabled. Networking will not work.\ndocker: Error response from daemon: network services-net not found.\n',
      "test-network 'services-net' does not exist on the engine: name one `docker network ls` lists, e.g. ${{ job.services.<id>.network }} to reach the job's service containers, or leave test-network empty for none"
    ],
    [
      'a command missing from the image',
      127,
      'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown.\n',
      'check that /bin/sh exists in the image'
    ],
    [
      'a command not on PATH',
      127,
      'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "npm": executable file not found in $PATH: unknown.\n',
      'check that /bin/sh exists in the image'
    ]
  ])('%s', (_case, exitCode, output, problem) => {
    expect(containerStartProblem(exitCode, output, TEST)).toBe(problem)
  })

  it.each([
    [
      'the tests’ own exit code 127 (a missing tool inside the tests)',
      127,
      'sh: jest: not found\n'
    ],
    ['a failure that is not docker’s', 1, 'Error response from daemon: network x not found'],
    ['a daemon error it does not know', 125, 'docker: Error response from daemon: conflict.\n']
  ])('says nothing for %s', (_case, exitCode, output) => {
    expect(containerStartProblem(exitCode, output, TEST)).toBeUndefined()
  })
})
