// Times a tool's runs while the counting proxy counts their registry traffic; warm-up runs are dropped.
import type { ChildProcess } from 'node:child_process'
import type { CountingProxy } from '../../test/harness/registry/counting-proxy.js'
import type { Sample } from './stats.js'

export const now = (): number => Number(process.hrtime.bigint()) / 1e6

/**
 * Times `action` and counts the proxy's requests and bytes meanwhile. An action that reports its own
 * duration (a step timed from its process start) is taken at its word.
 */
export async function measure(
  proxy: CountingProxy,
  action: () => Promise<number | undefined>
): Promise<Sample> {
  const [requests, bytes] = [proxy.requests, proxy.bytes]
  const started = now()
  const reported = await action()
  const ms = reported ?? now() - started
  return { ms, requests: proxy.requests - requests, bytes: proxy.bytes - bytes }
}

/** `runs` samples after one warm-up; `before` runs ahead of each one, untimed. */
export async function sampleRuns(
  runs: number,
  take: () => Promise<Sample>,
  before?: () => Promise<void>
): Promise<Sample[]> {
  const samples: Sample[] = []
  for (let index = -1; index < runs; index++) {
    await before?.()
    const sample = await take()
    if (index >= 0) samples.push(sample)
  }
  return samples
}

export interface StepTimer {
  readonly onMainSpawn: (child: ChildProcess) => void
  readonly onPostSpawn: (child: ChildProcess) => void
  /** ms from the main step's process start to the exit of the last step that ran. */
  readonly elapsed: () => number
}

/**
 * Times an action as the runner runs it, from its main step's process start to the exit of its
 * post step (or of the main step when there is none), leaving out the runner emulation's own setup.
 */
export function stepTimer(): StepTimer {
  let started = 0
  let ended = 0
  const untilExit = (child: ChildProcess): void => {
    child.on('exit', () => (ended = now()))
  }
  return {
    onMainSpawn: (child) => {
      started = now()
      untilExit(child)
    },
    onPostSpawn: untilExit,
    elapsed: () => ended - started
  }
}
