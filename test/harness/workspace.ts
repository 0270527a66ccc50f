// Throwaway git checkouts for the action to build, each with a commit of its own.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { mkdirSync } from 'node:fs'
import { PROJECT_ROOT } from './project-root.js'

export interface Workspace {
  readonly dir: string
  readonly sha: string
}

function git(dir: string, args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com'
    }
  }).trim()
}

/** A git work tree holding an example app (hello unless told otherwise) plus the given files, committed once. */
export function makeWorkspace(
  files: Record<string, string> = {},
  options: { example?: string | false } = {}
): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'workspace-'))
  if (options.example !== false) {
    cpSync(join(PROJECT_ROOT, 'examples', options.example ?? 'hello'), dir, { recursive: true })
  }
  writeFiles(dir, { '.nonce': `${Date.now()}-${Math.random()}\n`, ...files })
  git(dir, ['init', '--quiet', '--initial-branch', 'main'])
  git(dir, ['add', '--all'])
  git(dir, ['commit', '--quiet', '--message', 'test commit'])
  return { dir, sha: git(dir, ['rev-parse', 'HEAD']) }
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
}

/** Adds a commit, as a new push to the pull request would. */
export function commitChange(dir: string, files: Record<string, string>): string {
  writeFiles(dir, files)
  git(dir, ['add', '--all'])
  git(dir, ['commit', '--quiet', '--message', 'another commit'])
  return git(dir, ['rev-parse', 'HEAD'])
}
