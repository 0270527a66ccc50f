import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  startGitHubApiDouble,
  WRITE_TOKEN,
  type GitHubApiDouble
} from '../support/github-double/index.js'
import { pushImage } from './support/images.js'
import { freshRepository, tagDigest } from './support/registry.js'
import { runAction } from './support/runner.js'
import { testEnv } from './support/test-env.js'
import { makeWorkspace } from './support/workspace.js'

// GITHUB_SHA as the runner double sets it: the commit a promotion's deployment names.
const RUNNER_SHA = '0'.repeat(40)

let github: GitHubApiDouble
let workspace: string

beforeAll(async () => {
  github = await startGitHubApiDouble({
    repositories: [{ owner: 'acme', repo: 'web', commits: [RUNNER_SHA] }]
  })
  workspace = makeWorkspace({}, { example: false }).dir
})

afterAll(async () => {
  await github.close()
})

afterEach(() => {
  github.assertNoViolations()
})

type Step = Awaited<ReturnType<typeof runAction>>

function action(
  name: 'promote' | 'rollback',
  path: string,
  inputs: Record<string, string>
): Promise<Step> {
  const { registry, username, password } = testEnv()
  return runAction({
    action: name,
    workspace,
    token: WRITE_TOKEN,
    eventName: 'workflow_dispatch',
    inputs: { image: `${registry}/${path}`, username, password, ...inputs },
    env: { GITHUB_API_URL: github.url }
  })
}

const promote = (path: string, inputs: Record<string, string>): Promise<Step> =>
  action('promote', path, inputs)
const rollback = (path: string, inputs: Record<string, string>): Promise<Step> =>
  action('rollback', path, inputs)

function deploymentsOf(path: string, environment: string): typeof github.deployments {
  const image = `${testEnv().registry}/${path}`
  return github.deployments.filter(
    (deployment) =>
      deployment.environment === environment &&
      (deployment.payload as { image?: string } | null)?.image === image
  )
}

describe('promote', () => {
  const path = freshRepository('promote')
  let first: string
  let second: string

  beforeAll(async () => {
    first = await pushImage(path, 'sha-aaaaaaa')
    second = await pushImage(path, 'sha-bbbbbbb')
  })

  it('points a new environment tag at the source tag’s digest and records the deployment', async () => {
    const result = await promote(path, { source: 'sha-aaaaaaa', target: 'staging' })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(await tagDigest(path, 'staging')).toBe(first)
    expect(result.outputs).toMatchObject({
      digest: first,
      'previous-digest': '',
      ref: `${testEnv().registry}/${path}@${first}`
    })
    const [deployment] = deploymentsOf(path, 'staging')
    expect(deployment?.id.toString()).toBe(result.outputs['deployment-id'])
    expect(deployment?.payload).toMatchObject({
      tool: 'immutable-image',
      image: `${testEnv().registry}/${path}`,
      digest: first,
      source: 'sha-aaaaaaa',
      previous_digest: '',
      targets: ['staging'],
      actor: 'octocat',
      run_url: 'https://github.com/acme/web/actions/runs/4242/attempts/1'
    })
    expect(deployment?.statuses.map((status) => status.state)).toEqual(['in_progress', 'success'])
  })

  it('moves an existing tag by digest and reports what it held before', async () => {
    const result = await promote(path, { source: second, target: 'staging' })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(await tagDigest(path, 'staging')).toBe(second)
    expect(result.outputs['previous-digest']).toBe(first)
    expect(result.summary).toContain(second)
  })

  it('accepts the build’s ref output as the source', async () => {
    const result = await promote(path, {
      source: `${testEnv().registry}/${path}@${first}`,
      target: 'qa'
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(await tagDigest(path, 'qa')).toBe(first)
  })

  it('moves several targets at once, the environment defaulting to the first', async () => {
    const result = await promote(path, { source: 'sha-bbbbbbb', target: 'production\nv1.2.3' })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(await tagDigest(path, 'production')).toBe(second)
    expect(await tagDigest(path, 'v1.2.3')).toBe(second)
    expect(deploymentsOf(path, 'production')).toHaveLength(1)
  })

  it('leaves a target that already holds the digest alone and says so', async () => {
    const result = await promote(path, { source: 'sha-bbbbbbb', target: 'production' })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.main.stdout).toContain(`production already points at ${second}: left alone.`)
    expect(result.outputs['previous-digest']).toBe(second)
  })

  it('fails on an unknown source, naming it, and changes nothing', async () => {
    const before = github.deployments.length
    const result = await promote(path, { source: 'sha-missing', target: 'staging' })
    expect(result.main.exitCode).toBe(1)
    expect(result.errors).toEqual([
      expect.stringContaining("source 'sha-missing' was not found in")
    ])
    expect(await tagDigest(path, 'staging')).toBe(second)
    expect(github.deployments.length).toBe(before)
  })

  it('records nothing when record is false', async () => {
    const before = github.requests.length
    const result = await promote(path, {
      source: 'sha-aaaaaaa',
      target: 'preview',
      record: 'false'
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.outputs['deployment-id']).toBe('')
    expect(github.requests.length).toBe(before)
  })

  it.each([
    [{ source: 'not a tag', target: 'staging' }, "Input 'source'"],
    [{ source: 'sha256:abc', target: 'staging' }, "Input 'source'"],
    [
      { source: 'ghcr.io/other/repo:sha-1', target: 'staging' },
      "Input 'source': 'ghcr.io/other/repo:sha-1' is not in"
    ],
    [{ source: 'sha-aaaaaaa', target: 'staging\n-bad' }, "Input 'target'"],
    [{ source: 'sha-aaaaaaa', target: 'staging', record: 'sometimes' }, "Input 'record'"],
    [{ source: 'sha-aaaaaaa', target: 'staging', environment: 'a\nb' }, "Input 'environment'"]
  ])('refuses %j before touching anything', async (inputs, message) => {
    const before = github.requests.length
    const result = await promote(path, inputs)
    expect(result.main.exitCode).toBe(1)
    expect(result.errors).toEqual([expect.stringContaining(`::error::${message}`)])
    expect(github.requests.length).toBe(before)
  })

  it('fails with a clear message on a wrong password, printing no secret', async () => {
    const result = await promote(path, {
      source: 'sha-aaaaaaa',
      target: 'staging',
      password: 'wrong-pw-1234'
    })
    expect(result.main.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(/authentication failed for registry 127\.0\.0\.1:\d+ as 'ci'/)
    expect(result.main.stdout.replaceAll('::add-mask::wrong-pw-1234', '')).not.toContain(
      'wrong-pw-1234'
    )
  })
})

describe('rollback', () => {
  const path = freshRepository('rollback')
  let v1: string
  let v2: string

  beforeAll(async () => {
    v1 = await pushImage(path, 'sha-1111111')
    v2 = await pushImage(path, 'sha-2222222')
    for (const source of ['sha-1111111', 'sha-2222222']) {
      const step = await promote(path, { source, target: 'production' })
      expect(step.main.exitCode, step.main.stdout).toBe(0)
    }
  })

  it('points the environment tag back at the digest it held before', async () => {
    const result = await rollback(path, { environment: 'production' })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(await tagDigest(path, 'production')).toBe(v1)
    expect(result.outputs).toMatchObject({ digest: v1, 'previous-digest': v2 })
    const latest = deploymentsOf(path, 'production').at(-1)
    expect(latest?.payload).toMatchObject({
      digest: v1,
      previous_digest: v2,
      source: `previous (${v1})`
    })
  })

  it('flips back when run twice, like kubectl rollout undo', async () => {
    const result = await rollback(path, { environment: 'production' })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(await tagDigest(path, 'production')).toBe(v2)
  })

  it('goes to an explicit tag or digest given in to', async () => {
    const result = await rollback(path, { environment: 'production', to: v1 })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(await tagDigest(path, 'production')).toBe(v1)
  })

  it('fails without history and asks for a tag or digest', async () => {
    const lonely = freshRepository('lonely')
    await pushImage(lonely, 'production')
    const result = await rollback(lonely, { environment: 'production' })
    expect(result.main.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(
      /cannot tell what production ran before sha256:[a-f0-9]{64}: .*Name a tag or digest to roll back to/
    )
  })

  it('fails when the environment tag does not exist', async () => {
    const result = await rollback(path, { environment: 'staging-eu' })
    expect(result.main.exitCode).toBe(1)
    expect(result.errors[0]).toContain(
      `${path}:staging-eu does not exist: there is nothing to roll back`
    )
  })
})
