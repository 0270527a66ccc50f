// The promote and rollback actions against the test registry: tags move by digest, deployments are recorded.
import { describe, expect } from 'vitest'
import {
  freshRepository,
  it,
  pushImage,
  tagDigest,
  type GitHubApiDouble,
  type TestEnvironment
} from '../harness/index.js'

function deploymentsOf(
  env: TestEnvironment,
  github: GitHubApiDouble,
  path: string,
  environment: string
): GitHubApiDouble['deployments'] {
  const image = `${env.registry}/${path}`
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

  it.beforeAll(async () => {
    first = await pushImage(path, 'sha-aaaaaaa')
    second = await pushImage(path, 'sha-bbbbbbb')
  })

  it('points a new environment tag at the source tag’s digest and records the deployment', async ({
    env,
    github,
    promote
  }) => {
    const result = await promote({
      repository: path,
      inputs: { source: 'sha-aaaaaaa', target: 'staging' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(await tagDigest(path, 'staging')).toBe(first)
    expect(result.outputs).toMatchObject({
      digest: first,
      'previous-digest': '',
      ref: `${env.registry}/${path}@${first}`
    })
    const [deployment] = deploymentsOf(env, github, path, 'staging')
    expect(deployment?.id.toString()).toBe(result.outputs['deployment-id'])
    expect(deployment?.payload).toMatchObject({
      tool: 'immutable-image',
      image: `${env.registry}/${path}`,
      digest: first,
      source: 'sha-aaaaaaa',
      previous_digest: '',
      targets: ['staging'],
      actor: 'octocat',
      run_url: 'https://github.com/acme/web/actions/runs/4242/attempts/1'
    })
    // Marked in progress unless the tag had already moved when GitHub answered the create.
    expect([['in_progress', 'success'], ['success']]).toContainEqual(
      deployment?.statuses.map((status) => status.state)
    )
  })

  it('moves an existing tag by digest and reports what it held before', async ({ promote }) => {
    const result = await promote({
      repository: path,
      inputs: { source: second, target: 'staging' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(await tagDigest(path, 'staging')).toBe(second)
    expect(result.outputs['previous-digest']).toBe(first)
    expect(result.summary).toContain(second)
  })

  it('accepts the build’s ref output as the source', async ({ env, promote }) => {
    const result = await promote({
      repository: path,
      inputs: { source: `${env.registry}/${path}@${first}`, target: 'qa' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(await tagDigest(path, 'qa')).toBe(first)
  })

  it('moves several targets at once, the environment defaulting to the first', async ({
    env,
    github,
    promote
  }) => {
    const result = await promote({
      repository: path,
      inputs: { source: 'sha-bbbbbbb', target: 'production\nv1.2.3' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(await tagDigest(path, 'production')).toBe(second)
    expect(await tagDigest(path, 'v1.2.3')).toBe(second)
    expect(deploymentsOf(env, github, path, 'production')).toHaveLength(1)
  })

  it('leaves a target that already holds the digest alone and says so', async ({ promote }) => {
    const result = await promote({
      repository: path,
      inputs: { source: 'sha-bbbbbbb', target: 'production' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.main.stdout).toContain(`production already points at ${second}: left alone.`)
    expect(result.outputs['previous-digest']).toBe(second)
  })

  it('fails on an unknown source, naming it, and changes nothing', async ({ github, promote }) => {
    const before = github.deployments.length
    const result = await promote({
      repository: path,
      inputs: { source: 'sha-missing', target: 'staging' }
    })
    expect(result.main.exitCode).toBe(1)
    expect(result.errors).toEqual([
      expect.stringContaining("source 'sha-missing' was not found in")
    ])
    expect(await tagDigest(path, 'staging')).toBe(second)
    expect(github.deployments.length).toBe(before)
  })

  it('records nothing when record is false', async ({ github, promote }) => {
    const before = github.requests.length
    const result = await promote({
      repository: path,
      inputs: { source: 'sha-aaaaaaa', target: 'preview', record: 'false' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.outputs['deployment-id']).toBe('')
    expect(github.requests.length).toBe(before)
  })

  it.for([
    [{ source: 'not a tag', target: 'staging' }, "Input 'source'"],
    [{ source: 'sha256:abc', target: 'staging' }, "Input 'source'"],
    [
      { source: 'ghcr.io/other/repo:sha-1', target: 'staging' },
      "Input 'source': 'ghcr.io/other/repo:sha-1' is not in"
    ],
    [{ source: 'sha-aaaaaaa', target: 'staging\n-bad' }, "Input 'target'"],
    [{ source: 'sha-aaaaaaa', target: 'staging', record: 'sometimes' }, "Input 'record'"],
    [{ source: 'sha-aaaaaaa', target: 'staging', environment: 'a\nb' }, "Input 'environment'"]
  ] as const)(
    'refuses %j before touching anything',
    async ([inputs, message], { github, promote }) => {
      const before = github.requests.length
      const result = await promote({ repository: path, inputs })
      expect(result.main.exitCode).toBe(1)
      expect(result.errors).toEqual([expect.stringContaining(`::error::${message}`)])
      expect(github.requests.length).toBe(before)
    }
  )

  it('fails with a clear message on a wrong password, printing no secret', async ({ promote }) => {
    const result = await promote({
      repository: path,
      inputs: { source: 'sha-aaaaaaa', target: 'staging', password: 'wrong-pw-1234' }
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

  it.beforeAll(async ({ promote }) => {
    v1 = await pushImage(path, 'sha-1111111')
    v2 = await pushImage(path, 'sha-2222222')
    for (const source of ['sha-1111111', 'sha-2222222']) {
      const step = await promote({ repository: path, inputs: { source, target: 'production' } })
      expect(step.main.exitCode, step.main.stdout).toBe(0)
    }
  })

  it('points the environment tag back at the digest it held before', async ({
    env,
    github,
    rollback
  }) => {
    const result = await rollback({ repository: path, inputs: { environment: 'production' } })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(await tagDigest(path, 'production')).toBe(v1)
    expect(result.outputs).toMatchObject({ digest: v1, 'previous-digest': v2 })
    const latest = deploymentsOf(env, github, path, 'production').at(-1)
    expect(latest?.payload).toMatchObject({
      digest: v1,
      previous_digest: v2,
      source: `previous (${v1})`
    })
  })

  it('flips back when run twice, like kubectl rollout undo', async ({ rollback }) => {
    const result = await rollback({ repository: path, inputs: { environment: 'production' } })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(await tagDigest(path, 'production')).toBe(v2)
  })

  it('goes to an explicit tag or digest given in to', async ({ rollback }) => {
    const result = await rollback({
      repository: path,
      inputs: { environment: 'production', to: v1 }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(await tagDigest(path, 'production')).toBe(v1)
  })

  it('fails without history and asks for a tag or digest', async ({ rollback }) => {
    const lonely = freshRepository('lonely')
    await pushImage(lonely, 'production')
    const result = await rollback({ repository: lonely, inputs: { environment: 'production' } })
    expect(result.main.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(
      /cannot tell what production ran before sha256:[a-f0-9]{64}: .*Name a tag or digest to roll back to/
    )
  })

  it('fails when the environment tag does not exist', async ({ rollback }) => {
    const result = await rollback({ repository: path, inputs: { environment: 'staging-eu' } })
    expect(result.main.exitCode).toBe(1)
    expect(result.errors[0]).toContain(
      `${path}:staging-eu does not exist: there is nothing to roll back`
    )
  })
})
