// The smoke test: the shipped image started as it runs in production (its own ENTRYPOINT and CMD),
// the smoke-test command run in it with docker exec once it is up, and the container always removed.
import { setTimeout as sleep } from 'node:timers/promises'
import * as core from '../runner/core.js'
import {
  containerLogArgs,
  containerStateArgs,
  execArgs,
  productionRunArgs
} from '../docker/args.js'
import { parseContainerState, type ContainerState } from '../docker/container-state.js'
import { OutputTail, lastLine, type Docker } from '../docker/docker.js'
import { ActionError } from '../errors.js'
import { untrustedLog } from '../log/untrusted-stream.js'
import { untrustedText } from '../log/untrusted-text.js'
import type { TestSettings } from '../settings/build.js'
import type { PlatformPlan } from './platform-plan.js'
import { describeCommand } from './image-test.js'
import type { SmokeTestFailure, SmokeTestReport } from './report.js'
import {
  removeTestContainer,
  removeWatchedContainer,
  watchNewContainer
} from './test-containers.js'

const TAIL_CHARS = 64 * 1024
const LOG_LINES = 60
/** Between looks at a starting container and retries of the command: often at first, then calmly. */
const FIRST_PAUSE_MS = 250
const MAX_PAUSE_MS = 2000

interface Attempt {
  readonly exitCode: number
  readonly output: string
}

/** Where the loop ended; the report is made from it. */
interface Ending {
  readonly failure: SmokeTestFailure | undefined
  readonly healthCheck: boolean
  readonly attempts: number
  readonly last: Attempt | undefined
  /** Only for a container that could not start: what docker run said. */
  readonly startOutput?: string
}

/** Runs the smoke test in the shipped image `imageId`; undefined when there is no smoke-test. */
export async function smokeTestImage(
  docker: Docker,
  imageId: string,
  test: TestSettings
): Promise<SmokeTestReport | undefined> {
  const command = test.smokeTest
  if (command === undefined) return undefined
  const container = new SmokeContainer(docker, watchNewContainer(docker, 'smoke'))
  const started = Date.now()
  let timedOut: Promise<string> | undefined
  const timer = setTimeout(() => {
    core.error(
      `The smoke test did not pass within test-timeout (${test.timeoutSeconds} s): removing the container.`
    )
    // The log first: the removal that stops a hanging command takes the log with it.
    timedOut = container.logTail().finally(() => container.remove())
  }, test.timeoutSeconds * 1000)
  try {
    const ending = await smoke(container, imageId, command, test, () => timedOut !== undefined)
    clearTimeout(timer)
    await printOutput(ending)
    const failed = ending.failure !== undefined
    const logTail = ending.startOutput ?? (failed ? await (timedOut ?? container.logTail()) : '')
    return {
      result: failed ? 'failed' : 'passed',
      command: describeCommand(command),
      durationMs: Date.now() - started,
      healthCheck: ending.healthCheck,
      attempts: ending.attempts,
      failure: ending.failure,
      outputTail: ending.last?.output ?? '',
      logTail
    }
  } finally {
    clearTimeout(timer)
    await removeWatchedContainer(docker, container.name)
  }
}

/** Starts the container, waits for it to be up and runs the command: once when healthy, else until it passes. */
async function smoke(
  container: SmokeContainer,
  imageId: string,
  command: readonly string[],
  test: TestSettings,
  expired: () => boolean
): Promise<Ending> {
  const start = await container.start(imageId, test)
  if (start.exitCode !== 0) {
    const message = lastLine(start.output) || `docker run exited ${start.exitCode}`
    return {
      failure: { kind: 'not-started', message },
      healthCheck: false,
      attempts: 0,
      last: undefined,
      startOutput: start.output
    }
  }
  let attempts = 0
  let last: Attempt | undefined
  let healthCheck = false
  let pause = FIRST_PAUSE_MS
  let waitingSaid = false
  const end = (failure: SmokeTestFailure | undefined): Ending => ({
    failure,
    healthCheck,
    attempts,
    last
  })
  const timeout = (): Ending =>
    end({
      kind: 'timed-out',
      waitingFor: healthCheck && last === undefined ? 'healthy' : 'passing',
      lastExitCode: last?.exitCode
    })
  for (;;) {
    if (expired()) return timeout()
    const state = await container.state()
    if (state === undefined) {
      if (expired()) return timeout()
      throw new ActionError(`the smoke test container ${container.name} is gone`)
    }
    healthCheck = state.health !== undefined
    if (!state.running) return end(exited(state))
    if (state.health === 'unhealthy') return end({ kind: 'unhealthy' })
    if (state.health !== 'starting') {
      attempts += 1
      last = await container.exec(command)
      if (last.exitCode === 0) return end(undefined)
      if (expired()) return timeout()
      const after = await container.state()
      if (after !== undefined && !after.running) return end(exited(after))
      if (healthCheck) return end({ kind: 'failed', exitCode: last.exitCode })
      if (attempts === 1) {
        core.info(
          `The smoke test failed (exit ${last.exitCode}) before the container was up: retrying until it passes or test-timeout (${test.timeoutSeconds} s) ends.`
        )
      }
    } else if (!waitingSaid) {
      waitingSaid = true
      core.info('The image has a HEALTHCHECK: waiting for the container to be healthy.')
    }
    await sleep(pause)
    pause = Math.min(pause * 2, MAX_PAUSE_MS)
  }
}

function exited(state: ContainerState): SmokeTestFailure {
  return { kind: 'exited', exitCode: state.exitCode, oomKilled: state.oomKilled }
}

async function printOutput({ last, attempts }: Ending): Promise<void> {
  if (last === undefined) return
  core.info(`The smoke test's output (run ${attempts}, exit ${last.exitCode}):`)
  await untrustedLog.stream((write) => {
    write(last.output)
    return Promise.resolve()
  })
}

/** The one container of the smoke test, by its watched name. */
class SmokeContainer {
  constructor(
    private readonly docker: Docker,
    readonly name: string
  ) {}

  async start(imageId: string, test: TestSettings): Promise<Attempt> {
    core.info(
      `Starting ${untrustedText(imageId)} as in production: its own ENTRYPOINT and CMD, network ${test.network}.`
    )
    const run = productionRunArgs({
      containerName: this.name,
      imageId,
      network: test.network,
      memory: test.memory,
      pidsLimit: test.pidsLimit,
      envNames: [...test.env.keys()],
      platform: test.platform
    })
    return this.capture(run, false, Object.fromEntries(test.env))
  }

  /** undefined once the container is gone (removed on a timeout, or by someone else). */
  async state(): Promise<ContainerState | undefined> {
    const result = await this.docker.run(containerStateArgs(this.name), {
      silent: true,
      allowFailure: true
    })
    return result.exitCode === 0 ? parseContainerState(result.stdout.trim()) : undefined
  }

  exec(command: readonly string[]): Promise<Attempt> {
    return this.capture(execArgs(this.name, command), true)
  }

  /** The end of the container's log, shown in the step's log, then its last HEALTHCHECK output. */
  async logTail(): Promise<string> {
    const log = await this.capture(containerLogArgs(this.name, LOG_LINES), false)
    const health = (await this.state())?.lastHealthCheck
    if (health === undefined || health.exitCode === 0) return log.output
    return `${log.output}\n--- its last HEALTHCHECK (exit ${health.exitCode}) ---\n${health.output}`
  }

  async remove(): Promise<void> {
    await removeTestContainer(this.docker, this.name)
  }

  private async capture(
    args: string[],
    silent: boolean,
    env?: Record<string, string>
  ): Promise<Attempt> {
    const tail = new OutputTail(TAIL_CHARS)
    const result = await this.docker.run(args, {
      silent,
      allowFailure: true,
      ...(env === undefined ? {} : { env }),
      onOutput: (chunk) => {
        tail.append(chunk.toString('utf8'))
      }
    })
    return { exitCode: result.exitCode, output: tail.toString() }
  }
}

/** The step's failure: what happened to the smoke test, and that nothing was pushed. */
export function smokeTestFailureMessage(failure: SmokeTestFailure, timeoutSeconds: number): string {
  const why = ((): string => {
    switch (failure.kind) {
      case 'not-started':
        return `the shipped image could not start for the smoke test: ${failure.message}`
      case 'exited':
        return `the shipped image's container exited with code ${failure.exitCode}${failure.oomKilled ? ' (out of memory: test-memory)' : ''} before the smoke test passed`
      case 'unhealthy':
        return "the shipped image's container became unhealthy (its HEALTHCHECK failed) before the smoke test ran"
      case 'failed':
        return `the smoke test failed with exit code ${failure.exitCode} in the healthy container`
      case 'timed-out':
        return failure.waitingFor === 'healthy'
          ? `the shipped image's container was not healthy within test-timeout (${timeoutSeconds} s)`
          : `the smoke test did not pass within test-timeout (${timeoutSeconds} s)${failure.lastExitCode === undefined ? '' : `, last exit code ${failure.lastExitCode}`}`
    }
  })()
  return `${why}: nothing was pushed`
}

/**
 * The shipped image smoke-tested when smoke-test is given and one of its platforms runs here, with
 * the error that ends the run when it failed.
 */
export async function smokeTestShipped(
  docker: () => Promise<Docker>,
  imageId: string,
  test: TestSettings,
  platforms: PlatformPlan,
  reference: string
): Promise<{ report: SmokeTestReport | undefined; failure: ActionError | undefined }> {
  const [platform] = platforms.runnable
  if (test.smokeTest === undefined || platforms.runnable.length === 0) {
    return { report: undefined, failure: undefined }
  }
  const report = await core.group(`Smoke test ${reference} as it runs in production`, async () =>
    smokeTestImage(await docker(), imageId, { ...test, platform })
  )
  const failed = report?.failure
  const failure =
    failed === undefined
      ? undefined
      : new ActionError(smokeTestFailureMessage(failed, test.timeoutSeconds))
  return { report, failure }
}
