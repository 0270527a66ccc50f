import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  startGitHubApiDouble,
  WRITE_TOKEN,
  type GitHubApiDouble
} from '../support/github-double/index.js'
import { pushEvent } from '../support/event-payloads.js'
import { pushImage } from './support/images.js'
import { freshRepository, tagDigest } from './support/registry.js'
import { runAction, type ActionRun } from './support/runner.js'
import { testEnv } from './support/test-env.js'
import { makeWorkspace, type Workspace } from './support/workspace.js'

const REVISION = 'org.opencontainers.image.revision'
const OTHER_COMMIT = '0'.repeat(40)

let github: GitHubApiDouble

beforeAll(async () => {
  github = await startGitHubApiDouble()
})

afterEach(() => {
  github.assertNoViolations()
})

afterAll(async () => {
  await github.close()
})

function build(
  workspace: Workspace,
  path: string,
  inputs: Record<string, string> = {}
): Promise<ActionRun> {
  const { registry, username, password } = testEnv()
  return runAction({
    workspace: workspace.dir,
    token: WRITE_TOKEN,
    inputs: {
      image: `${registry}/${path}`,
      username,
      password,
      'test-command': 'node --test',
      ...inputs
    },
    env: { GITHUB_API_URL: github.url, GITHUB_SHA: workspace.sha },
    eventName: 'push',
    event: pushEvent({ owner: 'acme', repo: 'web', sha: workspace.sha, ref: 'refs/heads/main' })
  })
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

describe('a SHA tag that holds another commit’s image', () => {
  const path = freshRepository('collision')
  let workspace: Workspace
  let tag: string
  let planted: string

  beforeAll(async () => {
    workspace = makeWorkspace()
    tag = `sha-${workspace.sha.slice(0, 7)}`
    planted = await pushImage(path, tag, 'ground to collide', { [REVISION]: OTHER_COMMIT })
  })

  it('is not reused with if-exists skip: one line names the tag, both commits, nothing pushed', async () => {
    const result = await build(workspace, path)
    expect(result.main.exitCode, result.main.stdout).toBe(1)
    const reference = `${testEnv().registry}/${path}:${tag}`
    expect(result.errors).toEqual([
      `::error::${reference} holds commit ${OTHER_COMMIT}, not this commit ${workspace.sha}: it is not reused (if-exists: overwrite replaces it)`
    ])
    expect(result.outputs.pushed).toBe('false')
    expect(result.main.stdout).not.toContain('docker build')
    expect(result.main.stdout).not.toContain('docker push')
    expect(await tagDigest(path, tag)).toBe(planted)
  })

  it('is replaced with if-exists overwrite', async () => {
    const result = await build(workspace, path, { 'if-exists': 'overwrite' })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.outputs.pushed).toBe('true')
    const digest = await tagDigest(path, tag)
    expect(digest).not.toBe(planted)
    expect(result.outputs.digest).toBe(digest)
  })

  it('is then reused, and the summary gives the test record of the run that pushed it', async () => {
    const result = await build(workspace, path)
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.outputs.pushed).toBe('false')
    expect(result.outputs['test-result']).toBe('passed')
    expect(result.main.stdout).not.toContain('docker build')
    expect(result.summary).toMatch(
      /\| Tests \| passed `node --test` in .* at .*, as recorded with the reused image \|/
    )
  })
})

describe('a SHA tag that holds an image without a revision label', () => {
  it('is not reused', async () => {
    const path = freshRepository('unlabelled')
    const workspace = makeWorkspace()
    const tag = `sha-${workspace.sha.slice(0, 7)}`
    const planted = await pushImage(path, tag)
    const result = await build(workspace, path)
    expect(result.main.exitCode, result.main.stdout).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::error::${escaped(`${testEnv().registry}/${path}:${tag}`)} holds an image with no revision label, not this commit ${workspace.sha}`
        )
      )
    ])
    expect(await tagDigest(path, tag)).toBe(planted)
  })
})
