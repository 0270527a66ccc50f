// What the main step hands to the post step, and nothing else.
import * as core from './runner/core.js'
import { cleanedUp, cleanupPending } from './cleanup-flag.js'

const IS_POST = 'isPost'
const DOCKER_CONFIG = 'dockerConfig'
const TEST_CONTAINER = 'testContainer'
const SMOKE_CONTAINER = 'smokeContainer'

/** The runner runs the same bundle for main and post; the flag saved by main tells them apart. */
export const isPost = core.getState(IS_POST) === 'true'

export function markMainRan(): void {
  core.saveState(IS_POST, 'true')
}

/** What the post step is to remove under `name`; '' once the main step removed it itself. */
function saveForCleanup(name: string, value: string): void {
  if (value === '') cleanedUp(name)
  else cleanupPending(name)
  core.saveState(name, value)
}

export function saveDockerConfigDir(dir: string): void {
  saveForCleanup(DOCKER_CONFIG, dir)
}

/** Untrusted in the post step: output that slipped past the runner's guard could have set it. */
export function dockerConfigDirToRemove(): string {
  return core.getState(DOCKER_CONFIG)
}

/** Saved before the container starts, so the post step removes it when main died mid-test. */
export function saveTestContainer(name: string): void {
  saveForCleanup(TEST_CONTAINER, name)
}

/** Untrusted in the post step, as the Docker config directory is. */
export function testContainerToRemove(): string {
  return core.getState(TEST_CONTAINER)
}

/** The smoke test's container, saved as the test container is. */
export function saveSmokeContainer(name: string): void {
  saveForCleanup(SMOKE_CONTAINER, name)
}

/** Untrusted in the post step, as the test container's name is. */
export function smokeContainerToRemove(): string {
  return core.getState(SMOKE_CONTAINER)
}
