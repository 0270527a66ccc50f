// Runs the test command in a fresh container of the built image, streaming its output.
import { randomBytes } from 'node:crypto'
import * as core from '@actions/core'
import { testRunArgs } from '../docker/args.js'
import { OutputTail, type Docker } from '../docker/docker.js'
import type { TestSettings } from '../settings/build.js'
import { TESTS_NOT_RUN, type TestReport } from '../render/report.js'

const TAIL_CHARS = 64 * 1024
/** `docker run` exits 125-127 when the container could not start at all. */
const DOCKER_RUN_ERRORS = new Set([125, 126, 127])

export function describeCommand(command: readonly string[]): string {
  if (command[0] === '/bin/sh' && command[1] === '-c' && command.length === 3)
    return command[2] ?? ''
  return JSON.stringify(command)
}

export async function testImage(
  docker: Docker,
  imageId: string,
  test: TestSettings
): Promise<TestReport> {
  if (test.command === undefined) return TESTS_NOT_RUN
  const containerName = `immutable-image-test-${randomBytes(6).toString('hex')}`
  const tail = new OutputTail(TAIL_CHARS)
  const started = Date.now()
  const timeout = { expired: false }
  const timer = setTimeout(() => {
    timeout.expired = true
    core.error(
      `The tests ran longer than test-timeout (${test.timeoutSeconds} s): stopping the container.`
    )
    void docker.run(['kill', containerName], { silent: true, allowFailure: true })
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
    command,
    durationMs,
    exitCode,
    timedOut: timeout.expired,
    outputTail: tail.toString()
  }
}
