// The commit HEAD names, read from the repository's files as git reads them: a re-run that reuses
// its image learns its SHA tag without starting a process. Anything this does not read as git
// would (GIT_DIR and kin, reftable, a SHA-256 repository, an unborn branch) gives undefined, and
// git itself is asked.
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'

/** HEAD, a loose ref, `.git` and `commondir` files: a line each. */
const SMALL_FILE_LIMIT = 4096
/** packed-refs of a big repository with many tags; past this git is asked. */
const PACKED_REFS_LIMIT = 4 * 1024 * 1024
const SHA1 = /^[0-9a-f]{40}$/
/** Variables that make git look elsewhere than the directories above the context. */
const REDIRECTING_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_COMMON_DIR',
  'GIT_CEILING_DIRECTORIES'
]

/** The file's text, or undefined when it is missing, not a file or longer than `limit`. */
function readSmall(path: string, limit = SMALL_FILE_LIMIT): string | undefined {
  const stat = statSync(path, { throwIfNoEntry: false })
  if (stat?.isFile() !== true || stat.size > limit) return undefined
  const buffer = Buffer.alloc(stat.size)
  const fd = openSync(path, 'r')
  try {
    const read = readSync(fd, buffer, 0, stat.size, 0)
    return buffer.subarray(0, read).toString('utf8')
  } finally {
    closeSync(fd)
  }
}

/** The git directory of the work tree `dir` is in: `.git`, or where a `.git` file points. */
function gitDirAbove(dir: string): string | undefined {
  let real: string
  try {
    // As git does after its chdir: a symlinked directory is looked above where it really is.
    real = realpathSync(dir)
  } catch {
    return undefined
  }
  for (let at = real; ; at = dirname(at)) {
    const dotGit = join(at, '.git')
    const stat = statSync(dotGit, { throwIfNoEntry: false })
    if (stat?.isDirectory() === true) return dotGit
    if (stat?.isFile() === true) {
      const pointer = /^gitdir: (.+)$/.exec(readSmall(dotGit)?.trim() ?? '')?.[1]
      return pointer === undefined ? undefined : resolve(at, pointer)
    }
    if (dirname(at) === at) return undefined
  }
}

/** Where the refs of a linked work tree's repository are; the git directory itself otherwise. */
function commonDir(gitDir: string): string {
  const common = readSmall(join(gitDir, 'commondir'))?.trim()
  if (common === undefined || common === '') return gitDir
  return isAbsolute(common) ? common : resolve(gitDir, common)
}

function packedRef(commonGitDir: string, ref: string): string | undefined {
  const packed = readSmall(join(commonGitDir, 'packed-refs'), PACKED_REFS_LIMIT)
  for (const line of packed?.split('\n') ?? []) {
    const [sha, name] = line.trim().split(' ')
    if (name === ref && sha !== undefined && SHA1.test(sha)) return sha
  }
  return undefined
}

/** The full SHA of HEAD for the work tree `dir` is in, or undefined where git must be asked. */
export function headFromFiles(
  dir: string,
  env: NodeJS.ProcessEnv = process.env
): string | undefined {
  if (REDIRECTING_VARIABLES.some((name) => env[name] !== undefined)) return undefined
  const gitDir = gitDirAbove(dir)
  if (gitDir === undefined) return undefined
  const head = readSmall(join(gitDir, 'HEAD'))?.trim()
  if (head === undefined) return undefined
  if (SHA1.test(head)) return head
  const ref = /^ref: (refs\/heads\/\S+)$/.exec(head)?.[1]
  if (ref === undefined || ref.split('/').some((part) => part === '' || part.startsWith('.'))) {
    return undefined
  }
  const common = commonDir(gitDir)
  for (const base of new Set([gitDir, common])) {
    const loose = readSmall(join(base, ref))?.trim()
    if (loose !== undefined) return SHA1.test(loose) ? loose : undefined
  }
  return packedRef(common, ref)
}
