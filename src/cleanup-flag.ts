// Whether the post step has anything to remove, told to the runner through GITHUB_ENV: action.yml's
// post-if reads it, so a run whose main step removed all it made starts no second process.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { EOL } from 'node:os'

/**
 * Set in the job's environment, never unset: every use of the action in a job shares the name,
 * so the post step runs when any of them left something behind.
 */
export const CLEANUP_PENDING = 'IMMUTABLE_IMAGE_CLEANUP'
const LINE = `${CLEANUP_PENDING}=pending`

/** The state names whose values the post step would remove, as this main step left them. */
const pending = new Set<string>()
let written = false

function envFile(): string | undefined {
  const path = process.env.GITHUB_ENV ?? ''
  return path !== '' && existsSync(path) ? path : undefined
}

/**
 * Called before the main step makes what the post step would remove: the runner reads GITHUB_ENV
 * even after a step killed outright, so the line must be there first.
 */
export function cleanupPending(name: string): void {
  pending.add(name)
  if (written) return
  const path = envFile()
  if (path === undefined) return
  appendFileSync(path, `${LINE}${EOL}`, { encoding: 'utf8' })
  written = true
}

/** The main step removed it itself. */
export function cleanedUp(name: string): void {
  pending.delete(name)
}

/**
 * At the end of the main step: with nothing left, its line goes from this step's GITHUB_ENV (a file
 * of the step's own), and the post step is skipped unless another use of the action set the flag.
 */
export function settleCleanupFlag(): void {
  if (!written || pending.size > 0) return
  const path = envFile()
  if (path === undefined) return
  const kept = readFileSync(path, 'utf8')
    .split(EOL)
    .filter((line) => line !== LINE)
  writeFileSync(path, kept.join(EOL), { encoding: 'utf8' })
  written = false
}
