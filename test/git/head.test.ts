// HEAD read from the repository's files must be what git itself says, or nothing.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { headFromFiles } from '../../src/git/head.js'
import { commitFile, gitIn } from './scratch-repository.js'

let root: string
let dir: string
const git = gitIn
const commit = (message: string): string => commitFile(dir, message)

const NO_GIT_VARIABLES = {}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'head-'))
  dir = join(root, 'repo')
  mkdirSync(dir)
  git(dir, 'init', '--quiet', '--initial-branch=main')
})

afterEach(() => {
  rmSync(root, { recursive: true, force: true })
})

describe('headFromFiles', () => {
  it('reads a branch’s loose ref, from the work tree or any directory in it', () => {
    commit('one')
    const sha = commit('two')
    mkdirSync(join(dir, 'app', 'src'), { recursive: true })
    expect(headFromFiles(dir, NO_GIT_VARIABLES)).toBe(sha)
    expect(headFromFiles(join(dir, 'app', 'src'), NO_GIT_VARIABLES)).toBe(sha)
  })

  it('looks above where a symlinked directory really is, as git does', () => {
    commit('one')
    const other = join(root, 'other')
    mkdirSync(other)
    git(other, 'init', '--quiet')
    writeFileSync(join(other, 'file'), 'x')
    git(other, 'add', 'file')
    git(other, 'commit', '--quiet', '-m', 'other')
    symlinkSync(other, join(dir, 'linked'))
    expect(headFromFiles(join(dir, 'linked'), NO_GIT_VARIABLES)).toBe(
      git(other, 'rev-parse', 'HEAD')
    )
  })

  it('reads a packed ref', () => {
    const sha = commit('one')
    git(dir, 'pack-refs', '--all')
    expect(headFromFiles(dir, NO_GIT_VARIABLES)).toBe(sha)
  })

  it('reads a detached HEAD, as actions/checkout leaves for a pull request', () => {
    const first = commit('one')
    commit('two')
    git(dir, 'checkout', '--quiet', '--detach', first)
    expect(headFromFiles(dir, NO_GIT_VARIABLES)).toBe(first)
  })

  it('reads a linked work tree’s HEAD, its branch in the main repository’s refs', () => {
    commit('one')
    git(dir, 'branch', 'feature')
    const tree = join(root, 'tree')
    git(dir, 'worktree', 'add', '--quiet', tree, 'feature')
    writeFileSync(join(tree, 'file'), 'three')
    git(tree, 'commit', '--quiet', '-am', 'three')
    const sha = git(tree, 'rev-parse', 'HEAD')
    expect(headFromFiles(tree, NO_GIT_VARIABLES)).toBe(sha)
    expect(headFromFiles(dir, NO_GIT_VARIABLES)).toBe(git(dir, 'rev-parse', 'HEAD'))
  })

  it('leaves to git a branch with no commit, a ref it cannot read, and GIT_DIR and kin', () => {
    expect(headFromFiles(dir, NO_GIT_VARIABLES)).toBeUndefined()
    commit('one')
    expect(headFromFiles(dir, { GIT_DIR: join(dir, '.git') })).toBeUndefined()
    expect(headFromFiles(dir, { GIT_CEILING_DIRECTORIES: root })).toBeUndefined()
    // A reftable repository's HEAD names a ref that is never a file.
    writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/.invalid\n')
    expect(headFromFiles(dir, NO_GIT_VARIABLES)).toBeUndefined()
    writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/../../config\n')
    expect(headFromFiles(dir, NO_GIT_VARIABLES)).toBeUndefined()
  })

  it('is undefined outside any work tree', () => {
    expect(headFromFiles(root, NO_GIT_VARIABLES)).toBeUndefined()
  })
})
