// Runs the test command in a fresh container of the built image, streaming its output, and makes
// sure the container is gone afterwards: after the tests, a timeout, or a cancelled step.
import * as core from '../runner/core.js'
import { testRunArgs } from '../docker/args.js'
import { OutputTail, type Docker } from '../docker/docker.js'
import type { TestSettings } from '../settings/build.js'
import { TESTS_NOT_RUN, type TestReport } from './report.js'
import { containerStartProblem } from './test-failure.js'
import { removeTestContainer, removeWhileGoingOn, watchNewContainer } from './test-containers.js'

const TAIL_CHARS = 64 * 1024

export function describeCommand(command: readonly string[]): string {
  if (command[0] === '/bin/sh' && command[1] === '-c' && command.length === 3)
    return command[2] ?? ''
  return JSON.stringify(command)
}

/** Runs the tests in `imageId`, the shipped image or the test `stage` proved to be built on it. */
export async function testImage(
  docker: Docker,
  imageId: string,
  stage: string | undefined,
  test: TestSettings
): Promise<TestReport> {
  if (test.command === undefined) return TESTS_NOT_RUN
  const containerName = watchNewContainer(docker, 'test')
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
        envNames: [...test.env.keys()],
        platform: test.platform
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
    // The container runs without `--rm`, so that its state can be read once it exited: removed here,
    // while the run goes on to push.
    removeWhileGoingOn(docker, containerName)
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
