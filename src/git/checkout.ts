// What git says about the checkout the build context sits in.
import { runTool } from '../run-tool.js'

export interface Checkout {
  /** The full SHA of HEAD. */
  readonly sha: string
  /** Committer time of HEAD, ISO 8601. */
  readonly committedAt: string
}

const GIT_OUTPUT_LIMIT = 64 * 1024

async function git(dir: string, args: string[]): Promise<{ exitCode: number; stdout: string }> {
  const chunks: Buffer[] = []
  let kept = 0
  // safe.directory: the workspace is often owned by another user than the one running the step.
  const exitCode = await runTool('git', ['-c', 'safe.directory=*', '-C', dir, ...args], {
    onStdout: (chunk) => {
      // A pull request can make the status as long as it likes: its start is all that is read.
      if (kept < GIT_OUTPUT_LIMIT) chunks.push(chunk)
      kept += chunk.length
    }
  })
  return { exitCode, stdout: Buffer.concat(chunks).toString('utf8').trim() }
}

/** The checked-out commit, or undefined when the directory is not inside a git work tree. */
export async function readCheckout(dir: string): Promise<Checkout | undefined> {
  let head: { exitCode: number; stdout: string }
  try {
    head = await git(dir, ['show', '-s', '--format=%H %cI', 'HEAD'])
  } catch {
    return undefined // git itself is not installed
  }
  if (head.exitCode !== 0) return undefined
  const [sha, committedAt] = head.stdout.split(' ')
  if (sha === undefined || committedAt === undefined || !/^[0-9a-f]{40}$/.test(sha))
    return undefined
  return { sha, committedAt }
}

/**
 * Whether tracked or untracked (not ignored) files differ from HEAD. Asked only by a run that
 * builds: on a big tree `git status` takes long, and a re-run that reuses the image never needs it.
 */
export async function hasUncommittedChanges(dir: string): Promise<boolean> {
  try {
    const status = await git(dir, ['status', '--porcelain'])
    return status.exitCode === 0 && status.stdout !== ''
  } catch {
    return false
  }
}
