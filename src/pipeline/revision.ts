// Which commit the image is tagged with, and what a reviewer should be told about it.
import { ActionError } from '../errors.js'
import { hasUncommittedChanges, type Checkout } from '../git/checkout.js'
import type { RunContext } from '../github/context.js'

export interface Revision {
  readonly sha: string
  /**
   * Commit time, for `org.opencontainers.image.created`, so rebuilds of a commit agree. Asked only
   * by a run that builds: from a checkout it starts git.
   */
  readonly createdAt: () => Promise<string>
  /** Things that make the tag name less than exactly what was built. */
  readonly warnings: readonly string[]
}

/**
 * The commit checked out where the build context is; the event's commit only when the context is
 * not a git checkout (on pull_request, the PR head rather than GitHub's throwaway merge commit).
 */
export function chooseRevision(
  checkout: Checkout | undefined,
  run: RunContext,
  now: Date
): Revision {
  const warnings: string[] = []
  if (checkout === undefined) {
    const sha = run.pullRequest?.headSha ?? run.eventSha
    if (!/^[0-9a-f]{40}$/.test(sha)) {
      throw new ActionError(
        'the build context is not a git checkout and the event names no commit (GITHUB_SHA is not set)'
      )
    }
    warnings.push(
      `The build context is not a git checkout: tagged with the event's commit ${sha.slice(0, 7)}.`
    )
    const createdAt = run.eventCommitTime ?? now.toISOString()
    return { sha, createdAt: () => Promise.resolve(createdAt), warnings }
  }
  const head = run.pullRequest?.headSha
  if (head !== undefined && head !== checkout.sha) {
    warnings.push(
      `Built commit ${checkout.sha.slice(0, 7)} is not the pull request head ${head.slice(0, 7)}` +
        (checkout.sha === run.eventSha
          ? " (it is GitHub's merge commit: check out `github.event.pull_request.head.sha`)."
          : '.')
    )
  }
  const createdAt = async (): Promise<string> =>
    (await checkout.committedAt()) ?? run.eventCommitTime ?? now.toISOString()
  return { sha: checkout.sha, createdAt, warnings }
}

/** For a run that builds: the warning when the checkout holds changes its commit does not. */
export async function uncommittedChangesWarning(
  dir: string,
  sha: string
): Promise<string | undefined> {
  if (!(await hasUncommittedChanges(dir))) return undefined
  return `The checkout has uncommitted changes: the image holds more than commit ${sha.slice(0, 7)}.`
}

export function shaTag(sha: string, format: 'short' | 'long'): string {
  return `sha-${format === 'long' ? sha : sha.slice(0, 7)}`
}
