// Says why the tests failed, naming the input to change where one is to blame.
import type { TestSettings } from '../settings/build.js'
import type { TestReport } from './report.js'

/** `docker run` exits 125-127 when the container could not start at all. */
const DOCKER_RUN_ERRORS = new Set([125, 126, 127])

/** The step's one-line error for tests that did not pass. */
export function testFailureMessage(
  test: TestReport,
  settings: Pick<TestSettings, 'timeoutSeconds' | 'memory'>
): string {
  if (test.timedOut)
    return `the tests timed out after ${settings.timeoutSeconds} s: nothing was pushed`
  if (test.oomKilled === true)
    return `the tests ${outOfMemory(settings.memory)}; nothing was pushed`
  if (test.couldNotStart !== undefined) {
    return `the test container could not start: ${test.couldNotStart}; nothing was pushed`
  }
  return `the tests failed with exit code ${test.exitCode ?? '?'}: nothing was pushed`
}

/** What the engine's OOM kill means for the inputs. */
export function outOfMemory(memory: string | undefined): string {
  return memory === undefined
    ? 'were killed for running out of memory with no test-memory limit: the runner itself ran out'
    : `were killed for using more than test-memory (${memory}): raise test-memory or make the tests use less`
}

/**
 * Why `docker run` could not start the container, from the daemon's words in its output: a
 * test-network that does not exist, or a command missing from the image. Undefined when the
 * container started (its own exit code can be 125-127 too) or the cause is unknown.
 */
export function containerStartProblem(
  exitCode: number,
  output: string,
  test: Pick<TestSettings, 'command' | 'network'>
): string | undefined {
  if (!DOCKER_RUN_ERRORS.has(exitCode)) return undefined
  const daemon = /Error response from daemon: (.*)/.exec(output)?.[1] ?? ''
  if (/\bnetwork \S+ not found\b/i.test(daemon))
    return `test-network ${missingNetwork(test.network)}`
  if (/executable file not found|no such file or directory/i.test(daemon)) {
    return `check that ${test.command?.[0] ?? 'the test command'} exists in the image`
  }
  return undefined
}

/** What to do about a test-network the engine does not have. */
export function missingNetwork(network: string): string {
  return `'${network}' does not exist on the engine: name one \`docker network ls\` lists, e.g. \${{ job.services.<id>.network }} to reach the job's service containers, or leave test-network empty for none`
}
