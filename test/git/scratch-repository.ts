// Real repositories for the git readers' tests: git run as a fixed author, commits at a fixed time.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const COMMIT_TIME = '2026-12-07T10:00:00Z'

/** git in `dir`, its output trimmed. */
export function gitIn(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'T',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 'T',
      GIT_COMMITTER_EMAIL: 't@example.com',
      GIT_COMMITTER_DATE: COMMIT_TIME
    }
  }).trim()
}

/** Commits `file` holding `content` in `dir`'s repository; gives the new HEAD. */
export function commitFile(dir: string, content: string, file = 'file'): string {
  writeFileSync(join(dir, file), content)
  gitIn(dir, 'add', file)
  gitIn(dir, 'commit', '--quiet', '-m', content)
  return gitIn(dir, 'rev-parse', 'HEAD')
}
