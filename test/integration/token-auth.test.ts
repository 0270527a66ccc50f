import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  startGitHubApiDouble,
  WRITE_TOKEN,
  type GitHubApiDouble
} from '../support/github-double/index.js'
import { pushEvent } from '../support/event-payloads.js'
import { freshRepository } from './support/registry.js'
import { runAction, type ActionRun } from './support/runner.js'
import { testEnv } from './support/test-env.js'
import { pushTokenImage, tokenTagDigest } from './support/token-images.js'
import { makeWorkspace, type Workspace } from './support/workspace.js'

interface TokenStats {
  readonly tokens: number
  readonly refused: number
}

/**
 * What the token service issued and refused for one repository. Counted per repository, never
 * reset, so suites sharing the service at the same time cannot skew each other's counts.
 */
async function tokenStats(repository: string): Promise<TokenStats> {
  const url = new URL('/stats', testEnv().tokenServer)
  url.searchParams.set('repository', repository)
  return (await (await fetch(url)).json()) as TokenStats
}

/** Runs the step and returns what the token service issued and refused for path meanwhile. */
async function counted(
  path: string,
  step: () => Promise<ActionRun>
): Promise<{ run: ActionRun; issued: TokenStats }> {
  const before = await tokenStats(path)
  const run = await step()
  const after = await tokenStats(path)
  return {
    run,
    issued: { tokens: after.tokens - before.tokens, refused: after.refused - before.refused }
  }
}

function promote(path: string, inputs: Record<string, string>): Promise<ActionRun> {
  const { tokenRegistry, username, password } = testEnv()
  return runAction({
    action: 'promote',
    workspace: makeWorkspace({}, { example: false }).dir,
    eventName: 'workflow_dispatch',
    inputs: { image: `${tokenRegistry}/${path}`, username, password, record: 'false', ...inputs }
  })
}

describe('promote against a registry that hands out Bearer tokens', () => {
  const path = freshRepository('token-promote')
  let first: string
  let second: string

  beforeAll(async () => {
    first = await pushTokenImage(path, 'sha-aaaaaaa')
    second = await pushTokenImage(path, 'sha-bbbbbbb')
  })

  describe('to one target', () => {
    let result: Awaited<ReturnType<typeof counted>>

    beforeAll(async () => {
      result = await counted(path, () =>
        promote(path, { source: 'sha-aaaaaaa', target: 'staging' })
      )
    })

    it('points the target at the source’s digest', async () => {
      expect(result.run.main.exitCode, result.run.main.stdout).toBe(0)
      expect(result.run.outputs.digest).toBe(first)
      expect(await tokenTagDigest(path, 'staging')).toBe(first)
    })

    it('fetches one token for the whole run', () => {
      expect(result.issued).toEqual({ tokens: 1, refused: 0 })
    })
  })

  describe('to two targets at once', () => {
    let result: Awaited<ReturnType<typeof counted>>

    beforeAll(async () => {
      result = await counted(path, () =>
        promote(path, { source: 'sha-bbbbbbb', target: 'production\nv1.2.3' })
      )
    })

    it('points both targets at the source’s digest', async () => {
      expect(result.run.main.exitCode, result.run.main.stdout).toBe(0)
      expect(await tokenTagDigest(path, 'production')).toBe(second)
      expect(await tokenTagDigest(path, 'v1.2.3')).toBe(second)
    })

    it('still fetches one token, shared by its parallel requests', () => {
      expect(result.issued).toEqual({ tokens: 1, refused: 0 })
    })
  })

  describe('with a wrong password', () => {
    const wrongPassword = 'wrong-token-pw-5678'
    let result: Awaited<ReturnType<typeof counted>>

    beforeAll(async () => {
      result = await counted(path, () =>
        promote(path, { source: 'sha-aaaaaaa', target: 'qa', password: wrongPassword })
      )
    })

    it('fails with one error naming the registry', () => {
      expect(result.run.main.exitCode).toBe(1)
      expect(result.run.errors).toEqual([
        expect.stringContaining(`authentication failed for registry ${testEnv().tokenRegistry}`)
      ])
    })

    it('never prints the password', () => {
      const output = `${result.run.main.stdout}\n${result.run.main.stderr}`.replaceAll(
        `::add-mask::${wrongPassword}`,
        ''
      )
      expect(output).not.toContain(wrongPassword)
    })

    it('asks the token service once, without retrying the refusal', () => {
      expect(result.issued).toEqual({ tokens: 0, refused: 1 })
    })
  })
})

describe('build pushing to a registry that hands out Bearer tokens', () => {
  const path = freshRepository('token-build')
  let github: GitHubApiDouble
  let workspace: Workspace
  let result: ActionRun

  beforeAll(async () => {
    github = await startGitHubApiDouble({ repositories: [{ owner: 'acme', repo: 'web' }] })
    workspace = makeWorkspace()
    const { tokenRegistry, username, password } = testEnv()
    result = await runAction({
      workspace: workspace.dir,
      token: WRITE_TOKEN,
      inputs: {
        image: `${tokenRegistry}/${path}`,
        username,
        password,
        'test-command': 'node --test'
      },
      env: { GITHUB_API_URL: github.url, GITHUB_SHA: workspace.sha },
      eventName: 'push',
      event: pushEvent({ owner: 'acme', repo: 'web', sha: workspace.sha, ref: 'refs/heads/main' })
    })
  })

  afterAll(async () => {
    await github.close()
  })

  afterEach(() => {
    github.assertNoViolations()
  })

  it('pushes the SHA tag and outputs the registry’s own digest', async () => {
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.outputs.pushed).toBe('true')
    const digest = await tokenTagDigest(path, `sha-${workspace.sha.slice(0, 7)}`)
    expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/)
    expect(result.outputs.digest).toBe(digest)
  })
})
