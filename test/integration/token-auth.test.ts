// The actions against a registry that answers with a Bearer challenge and a token service, as ghcr.io does.
import { describe, expect } from 'vitest'
import {
  freshRepository,
  it,
  makeWorkspace,
  pushTokenImage,
  tokenTagDigest,
  type ActionRun,
  type PromotionRunner,
  type TestEnvironment,
  type Workspace
} from '../harness/index.js'

interface TokenStats {
  readonly tokens: number
  readonly refused: number
}

/**
 * What the token service issued and refused for one repository. Counted per repository, never
 * reset, so suites sharing the service at the same time cannot skew each other's counts.
 */
async function tokenStats(env: TestEnvironment, repository: string): Promise<TokenStats> {
  const url = new URL('/stats', env.tokenServer)
  url.searchParams.set('repository', repository)
  return (await (await fetch(url)).json()) as TokenStats
}

/** Runs the step and returns what the token service issued and refused for path meanwhile. */
async function counted(
  env: TestEnvironment,
  path: string,
  step: () => Promise<ActionRun>
): Promise<{ run: ActionRun; issued: TokenStats }> {
  const before = await tokenStats(env, path)
  const run = await step()
  const after = await tokenStats(env, path)
  return {
    run,
    issued: { tokens: after.tokens - before.tokens, refused: after.refused - before.refused }
  }
}

/** Promotes in the token registry, recording no deployment. */
function promoteWithTokens(
  env: TestEnvironment,
  promote: PromotionRunner,
  path: string,
  inputs: Record<string, string>
): Promise<ActionRun> {
  return promote({
    repository: path,
    registry: env.tokenRegistry,
    inputs: { record: 'false', ...inputs }
  })
}

describe('promote against a registry that hands out Bearer tokens', () => {
  const path = freshRepository('token-promote')
  let first: string
  let second: string

  it.beforeAll(async () => {
    first = await pushTokenImage(path, 'sha-aaaaaaa')
    second = await pushTokenImage(path, 'sha-bbbbbbb')
  })

  describe('to one target', () => {
    let result: Awaited<ReturnType<typeof counted>>

    it.beforeAll(async ({ env, promote }) => {
      result = await counted(env, path, () =>
        promoteWithTokens(env, promote, path, { source: 'sha-aaaaaaa', target: 'staging' })
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

    it.beforeAll(async ({ env, promote }) => {
      result = await counted(env, path, () =>
        promoteWithTokens(env, promote, path, {
          source: 'sha-bbbbbbb',
          target: 'production\nv1.2.3'
        })
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

    it.beforeAll(async ({ env, promote }) => {
      result = await counted(env, path, () =>
        promoteWithTokens(env, promote, path, {
          source: 'sha-aaaaaaa',
          target: 'qa',
          password: wrongPassword
        })
      )
    })

    it('fails with one error naming the registry', ({ env }) => {
      expect(result.run.main.exitCode).toBe(1)
      expect(result.run.errors).toEqual([
        expect.stringContaining(`authentication failed for registry ${env.tokenRegistry}`)
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
  let workspace: Workspace
  let result: ActionRun

  it.beforeAll(async ({ build, env }) => {
    workspace = makeWorkspace()
    result = await build({ workspace, repository: path, registry: env.tokenRegistry })
  })

  it('pushes the SHA tag and outputs the registry’s own digest', async () => {
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.outputs.pushed).toBe('true')
    const digest = await tokenTagDigest(path, `sha-${workspace.sha.slice(0, 7)}`)
    expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/)
    expect(result.outputs.digest).toBe(digest)
  })
})
