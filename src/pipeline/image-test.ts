// Runs the test command in a fresh container of the built image, streaming its output, and makes
// sure the container is gone afterwards: after the tests, a timeout, or a cancelled step.
import { randomBytes } from 'node:crypto'
import { constants } from 'node:os'
import * as core from '../runner/core.js'
import { testRunArgs } from '../docker/args.js'
import { OutputTail, type Docker } from '../docker/docker.js'
import type { TestSettings } from '../settings/build.js'
import { TESTS_NOT_RUN, type TestReport } from './report.js'
import { saveTestContainer } from '../state.js'
import { containerStartProblem } from './test-failure.js'

const TAIL_CHARS = 64 * 1024
const CONTAINER_PREFIX = 'immutable-image-test-'
/** The only names the post step will remove: state it reads back may have been forged. */
export const TEST_CONTAINER_NAME = /^immutable-image-test-[0-9a-f]{12}$/

interface RunningTests {
  readonly docker: Docker
  readonly containerName: string
}

let running: RunningTests | undefined
let cancelling: Promise<never> | undefined

export function describeCommand(command: readonly string[]): string {
  if (command[0] === '/bin/sh' && command[1] === '-c' && command.length === 3)
    return command[2] ?? ''
  return JSON.stringify(command)
}

/**
 * Kills and removes a test container with its anonymous volumes (a bare `docker kill` leaves
 * them); true when there was one to remove.
 */
export async function removeTestContainer(docker: Docker, name: string): Promise<boolean> {
  const result = await docker.run(['rm', '--force', '--volumes', name], {
    silent: true,
    allowFailure: true
  })
  return result.exitCode === 0 && result.stdout.includes(name)
}

/**
 * On SIGINT or SIGTERM (the runner cancelling the step): remove the running test container, then
 * exit with the signal's code. Nothing after the tests runs: no push, no comment.
 */
export function cancelTests(signal: 'SIGINT' | 'SIGTERM'): Promise<never> {
  cancelling ??= (async () => {
    const tests = running
    try {
      if (tests !== undefined) {
        core.info(`${signal}: removing the test container ${tests.containerName} before exiting.`)
        await removeTestContainer(tests.docker, tests.containerName)
      }
    } finally {
      // Whatever happened above, the step ends now; the post step retries the removal.
      process.exit(128 + constants.signals[signal])
    }
  })()
  return cancelling
}

/** Runs the tests in `imageId`, the shipped image or the test `stage` proved to be built on it. */
export async function testImage(
  docker: Docker,
  imageId: string,
  stage: string | undefined,
  test: TestSettings
): Promise<TestReport> {
  if (test.command === undefined) return TESTS_NOT_RUN
  const containerName = `${CONTAINER_PREFIX}${randomBytes(6).toString('hex')}`
  saveTestContainer(containerName)
  running = { docker, containerName }
  const tail = new OutputTail(TAIL_CHARS)
  const started = Date.now()
  const timeout = { expired: false }
  const timer = setTimeout(() => {
    timeout.expired = true
    core.error(
      `The tests ran longer than test-timeout (${test.timeoutSeconds} s): removing the container.`
    )
    removeTestContainer(docker, containerName).catch(() => undefined)
  }, test.timeoutSeconds * 1000)
  let exitCode: number
  let oomKilled = false
  try {
    const result = await docker.run(
      testRunArgs({
        containerName,
        imageId,
        command: test.command,
        network: test.network,
        memory: test.memory,
        pidsLimit: test.pidsLimit,
        envNames: [...test.env.keys()]
      }),
      {
        env: Object.fromEntries(test.env),
        allowFailure: true,
        onOutput: (chunk) => {
          tail.append(chunk.toString('utf8'))
        }
      }
    )
    exitCode = result.exitCode
    if (exitCode !== 0 && !timeout.expired) oomKilled = await killedForMemory(docker, containerName)
  } finally {
    clearTimeout(timer)
    if (cancelling !== undefined) await cancelling
    // The container runs without `--rm`, so that its state can be read once it exited: removed here.
    await removeTestContainer(docker, containerName)
    running = undefined
  }
  const durationMs = Date.now() - started
  const couldNotStart = timeout.expired
    ? undefined
    : containerStartProblem(exitCode, tail.toString(), test)
  if (couldNotStart !== undefined)
    tail.append(`\n(the container could not start: ${couldNotStart})`)
  return {
    result: exitCode === 0 && !timeout.expired ? 'passed' : 'failed',
    stage,
    command: describeCommand(test.command),
    durationMs,
    exitCode,
    timedOut: timeout.expired,
    oomKilled,
    ...(couldNotStart === undefined ? {} : { couldNotStart }),
    outputTail: tail.toString()
  }
}

/** Whether the engine killed the container for passing its memory limit (the exit code says 137). */
async function killedForMemory(docker: Docker, containerName: string): Promise<boolean> {
  const state = await docker.run(['inspect', '--format', '{{.State.OOMKilled}}', containerName], {
    silent: true,
    allowFailure: true
  })
  return state.exitCode === 0 && state.stdout.trim() === 'true'
}
