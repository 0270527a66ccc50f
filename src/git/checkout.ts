// What git says about the checkout the build context sits in.
import { runTool } from '../run-tool.js'
import { headFromFiles } from './head.js'

export interface Checkout {
  /** The full SHA of HEAD. */
  readonly sha: string
  /** Committer time of HEAD, ISO 8601; undefined when git cannot say. Asked once, when called. */
  readonly committedAt: () => Promise<string | undefined>
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

/**
 * The checked-out commit, or undefined when the directory is not inside a git work tree. HEAD is
 * read from the repository's files where it can be; git is started for the commit time only when
 * it is asked for, by a run that builds.
 */
export async function readCheckout(dir: string): Promise<Checkout | undefined> {
  const sha = headFromFiles(dir)
  if (sha !== undefined) {
    let asked: Promise<string | undefined> | undefined
    const committedAt = (): Promise<string | undefined> =>
      (asked ??= show(dir, '%cI', sha).then((shown) => shown?.[0]))
    return { sha, committedAt }
  }
  const shown = await show(dir, '%H %cI', 'HEAD')
  const [headSha, committedAt] = shown ?? []
  if (headSha === undefined || committedAt === undefined || !/^[0-9a-f]{40}$/.test(headSha))
    return undefined
  return { sha: headSha, committedAt: () => Promise.resolve(committedAt) }
}

/** `git show -s --format=<format> <commit>`, split at spaces; undefined when git fails or is missing. */
async function show(dir: string, format: string, commit: string): Promise<string[] | undefined> {
  try {
    const head = await git(dir, ['show', '-s', `--format=${format}`, commit])
    return head.exitCode === 0 ? head.stdout.split(' ') : undefined
  } catch {
    return undefined // git itself is not installed
  }
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
