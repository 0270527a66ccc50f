// The containers the tests and the smoke test run in: named, saved for the post step before they
// start, and removed afterwards, on a timeout, or when the step is cancelled.
import { randomHex } from '../random-hex.js'
import { constants } from 'node:os'
import * as core from '../runner/core.js'
import type { Docker } from '../docker/docker.js'
import { saveSmokeContainer, saveTestContainer } from '../state.js'

export type ContainerKind = 'test' | 'smoke'

/** The only names the post step will remove, one per state entry: state read back may be forged. */
export const CONTAINER_NAMES: Readonly<Record<ContainerKind, RegExp>> = {
  test: /^immutable-image-test-[0-9a-f]{12}$/,
  smoke: /^immutable-image-smoke-[0-9a-f]{12}$/
}

const SAVE: Readonly<Record<ContainerKind, (name: string) => void>> = {
  test: saveTestContainer,
  smoke: saveSmokeContainer
}

interface RunningContainer {
  readonly docker: Docker
  readonly name: string
  readonly kind: ContainerKind
}

/** The containers the run has started and not yet removed: the tests' and the smoke test's never overlap. */
const running = new Map<string, RunningContainer>()
let cancelling: Promise<never> | undefined

/** A fresh name, saved for the post step before the container exists, and watched for cancellation. */
export function watchNewContainer(docker: Docker, kind: ContainerKind): string {
  const name = `immutable-image-${kind}-${randomHex(6)}`
  SAVE[kind](name)
  running.set(name, { docker, name, kind })
  return name
}

/**
 * Removes the container once it is done with; a cancellation under way removes it and exits first.
 * Once it is gone the post step is told there is nothing left to remove.
 */
export async function removeWatchedContainer(docker: Docker, name: string): Promise<void> {
  if (cancelling !== undefined) await cancelling
  const { gone } = await removeContainer(docker, name)
  const watched = running.get(name)
  running.delete(name)
  if (gone && watched !== undefined) SAVE[watched.kind]('')
}

/** Removals still under way: the run goes on (to the push) while the engine removes a container. */
const removals = new Set<Promise<void>>()

/** Removes the container while the run goes on; `settleRemovals` waits for it before the step ends. */
export function removeWhileGoingOn(docker: Docker, name: string): void {
  const removal: Promise<void> = removeWatchedContainer(docker, name)
    .catch(() => undefined)
    .finally(() => removals.delete(removal))
  removals.add(removal)
}

/** Waits for every removal started with `removeWhileGoingOn`; one that failed leaves its state set. */
export async function settleRemovals(): Promise<void> {
  await Promise.all([...removals])
}

/**
 * Kills and removes a container with its anonymous volumes (`--rm` would have taken them, a bare
 * `docker kill` leaves them); true when there was one to remove.
 */
export async function removeTestContainer(docker: Docker, name: string): Promise<boolean> {
  return (await removeContainer(docker, name)).removed
}

/** `gone` also when there was none: a timeout may have removed it first. */
async function removeContainer(
  docker: Docker,
  name: string
): Promise<{ removed: boolean; gone: boolean }> {
  const result = await docker.run(['rm', '--force', '--volumes', name], {
    silent: true,
    allowFailure: true
  })
  const removed = result.exitCode === 0 && result.stdout.includes(name)
  return { removed, gone: removed || /no such container/i.test(result.stderr) }
}

/**
 * On SIGINT or SIGTERM (the runner cancelling the step): remove the running containers, then exit
 * with the signal's code. Nothing after the tests runs: no push, no comment.
 */
export function cancelTests(signal: 'SIGINT' | 'SIGTERM'): Promise<never> {
  cancelling ??= (async () => {
    try {
      for (const container of running.values()) {
        core.info(
          `${signal}: removing the ${container.kind} container ${container.name} before exiting.`
        )
        await removeTestContainer(container.docker, container.name)
      }
    } finally {
      // Whatever happened above, the step ends now; the post step retries the removal.
      process.exit(128 + constants.signals[signal])
    }
  })()
  return cancelling
}
