// Runs the test command in a fresh container of the built image, streaming its output, and makes
// sure the container is gone afterwards: after the tests, a timeout, or a cancelled step.
import * as core from '@actions/core'
import { testRunArgs } from '../docker/args.js'
import { OutputTail, type Docker } from '../docker/docker.js'
import type { TestSettings } from '../settings/build.js'
import { TESTS_NOT_RUN, type TestReport } from './report.js'
import {
  removeTestContainer,
  removeWatchedContainer,
  watchNewContainer
} from './test-containers.js'

const TAIL_CHARS = 64 * 1024
/** `docker run` exits 125-127 when the container could not start at all. */
const DOCKER_RUN_ERRORS = new Set([125, 126, 127])

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
  } finally {
    clearTimeout(timer)
    // `--rm` removes the container when docker run sees it exit; this covers a client that did not.
    await removeWatchedContainer(docker, containerName)
  }
  const durationMs = Date.now() - started
  const command = describeCommand(test.command)
  if (
    !timeout.expired &&
    DOCKER_RUN_ERRORS.has(exitCode) &&
    /Error response from daemon|executable file not found|OCI runtime/i.test(tail.toString())
  ) {
    tail.append(
      `\n(the container could not start: check that ${test.command[0] ?? ''} exists in the image)`
    )
  }
  return {
    result: exitCode === 0 && !timeout.expired ? 'passed' : 'failed',
    stage,
    command,
    durationMs,
    exitCode,
    timedOut: timeout.expired,
    outputTail: tail.toString()
  }
}
