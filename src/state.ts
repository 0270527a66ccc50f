// What the main step hands to the post step, and nothing else.
import * as core from '@actions/core'

const IS_POST = 'isPost'
const DOCKER_CONFIG = 'dockerConfig'

/** The runner runs the same bundle for main and post; the flag saved by main tells them apart. */
export const isPost = core.getState(IS_POST) === 'true'

export function markMainRan(): void {
  core.saveState(IS_POST, 'true')
}

export function saveDockerConfigDir(dir: string): void {
  core.saveState(DOCKER_CONFIG, dir)
}

export function dockerConfigDirToRemove(): string {
  return core.getState(DOCKER_CONFIG)
}
