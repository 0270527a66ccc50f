// The test container is removed when the step is cancelled, and by the post step when main was killed.
import { execFileSync, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect } from 'vitest'
import {
  freshRepository,
  it,
  makeWorkspace,
  type ActionRun,
  type BuildRunner
} from '../harness/index.js'

/** An image whose container gets an anonymous volume, as `VOLUME` in a Dockerfile makes one. */
const DOCKERFILE = 'FROM immutable-image-base/busybox:1\nVOLUME /scratch\n'

function docker(args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8' }).trim()
}

function containerState(name: string): string {
  return docker(['ps', '--all', '--filter', `name=^/${name}$`, '--format', '{{.State}}'])
}

function volumeExists(name: string): boolean {
  return docker(['volume', 'ls', '--quiet', '--filter', `name=^${name}$`]) !== ''
}

interface Interrupted {
  readonly run: ActionRun
  readonly container: string
  readonly volumes: string[]
  /** The container's state the moment the main step's process was gone, before any post step. */
  readonly stateWhenMainEnded: string
  /** From the first signal to the main step's exit. */
  readonly exitedAfterMs: number
}

/** Runs the build with tests that sleep; once their container runs, signals the main step. */
async function interruptTests(
  build: BuildRunner,
  signals: readonly NodeJS.Signals[],
  runPost: boolean
): Promise<Interrupted> {
  const workspace = makeWorkspace({ Dockerfile: DOCKERFILE }, { example: false })
  let main: ChildProcess | undefined
  let stateWhenMainEnded = ''
  let signalled = 0
  let exited = 0
  let printed = ''
  let container: string | undefined
  let nameSeen: (name: string) => void = () => undefined
  const named = new Promise<string>((resolve) => {
    nameSeen = resolve
  })
  const running = build({
    workspace,
    repository: freshRepository('cancelled'),
    runPost,
    inputs: { push: 'false', comment: 'false', 'test-command': 'sleep 300' },
    onOutput: (chunk) => {
      printed += chunk
      const name = /--name (immutable-image-test-[0-9a-f]{12})/.exec(printed)?.[1]
      if (name !== undefined && container === undefined) nameSeen((container = name))
    },
    onMainSpawn: (child) => {
      main = child
      // Synchronous, so it runs before the runner helper can start the post step.
      child.on('exit', () => {
        exited = Date.now()
        if (container !== undefined) stateWhenMainEnded = containerState(container)
      })
    }
  })
  const name = await Promise.race([
    named,
    running.then((run) => {
      throw new Error(`the step ended before its tests started:\n${run.main.stdout}`)
    })
  ])
  for (let attempt = 0; containerState(name) !== 'running'; attempt++) {
    if (attempt > 100) throw new Error(`${name} never ran`)
    await sleep(100)
  }
  const volumes = docker([
    'container',
    'inspect',
    '--format',
    '{{range .Mounts}}{{.Name}} {{end}}',
    name
  ]).split(' ')
  signalled = Date.now()
  for (const signal of signals) {
    main?.kill(signal)
    await sleep(20)
  }
  const run = await running
  return { run, container: name, volumes, stateWhenMainEnded, exitedAfterMs: exited - signalled }
}

describe('a cancelled step', () => {
  it.for([[['SIGTERM']], [['SIGINT']], [['SIGINT', 'SIGTERM']]] as const)(
    'on %j removes the test container and its volumes, then exits non-zero',
    async ([signals], { build }) => {
      const started = Date.now()
      const { run, container, volumes, exitedAfterMs } = await interruptTests(build, signals, false)
      expect(Date.now() - started).toBeLessThan(60_000)
      // The runner follows SIGINT with SIGTERM after 7.5 s, then kills the process.
      expect(exitedAfterMs).toBeLessThan(7_500)
      const [signal] = signals
      expect(run.main.exitCode).toBe(signal === 'SIGTERM' ? 143 : 130)
      expect(run.main.stdout).toContain(
        `${signal}: removing the test container ${container} before exiting.`
      )
      expect(containerState(container)).toBe('')
      expect(volumes.length).toBeGreaterThan(0)
      for (const volume of volumes) expect(volumeExists(volume)).toBe(false)
      // Nothing after the tests ran: no verdict, no push, no summary.
      expect(run.errors).toEqual([])
      expect(run.main.stdout).not.toContain('docker push')
    }
  )
})

describe('a main step killed outright', () => {
  it('leaves the test container to the post step, which removes it and the login', async ({
    build
  }) => {
    const { run, container, volumes, stateWhenMainEnded } = await interruptTests(
      build,
      ['SIGKILL'],
      true
    )
    expect(stateWhenMainEnded).toBe('running')
    expect(run.state.testContainer).toBe(container)
    expect(run.post?.exitCode).toBe(0)
    expect(run.post?.stdout).toContain(
      `Removed the test container ${container} that the main step left running.`
    )
    expect(containerState(container)).toBe('')
    for (const volume of volumes) expect(volumeExists(volume)).toBe(false)
    expect(existsSync(run.state.dockerConfig ?? '')).toBe(false)
  })
})
