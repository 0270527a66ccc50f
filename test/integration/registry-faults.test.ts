// The actions through faults of the registry, GitHub's API and the Docker engine.
import { describe, expect } from 'vitest'
import {
  type ActionRun,
  buildCommands,
  type Fault,
  freshRepository,
  it,
  makeWorkspace,
  type PromotionRunner,
  pushImage,
  rateLimitExceeded,
  startDyingEngine,
  tagDigest
} from '../harness/index.js'

const path = freshRepository('faults')
let source: string
let before: string

it.beforeAll(async () => {
  source = await pushImage(path, 'sha-5050505')
  before = await pushImage(path, 'staging')
})

/** Promotes sha-5050505 to the target, through the given registry, with a short request timeout. */
function promoteThrough(
  promote: PromotionRunner,
  registry: string | undefined,
  target = 'staging'
): Promise<ActionRun> {
  return promote({
    repository: path,
    ...(registry === undefined ? {} : { registry }),
    inputs: { source: 'sha-5050505', target },
    env: { IMMUTABLE_IMAGE_REGISTRY_TIMEOUT_MS: '1500' }
  })
}

describe('promote through registry faults', () => {
  it.for<[string, Fault, number]>([
    ['503s', { kind: 'status', status: 503 }, 2],
    ['a 429 with Retry-After', { kind: 'status', status: 429, headers: { 'retry-after': '1' } }, 1],
    ['a connection reset', { kind: 'reset' }, 1],
    ['a response that stalls past the timeout', { kind: 'stall' }, 1]
  ])('succeeds after %s', async ([, fault, times], { promote, proxy }) => {
    await pushImage(path, 'transient', `reset-${Math.random()}`)
    proxy.inject(fault, times)
    const result = await promoteThrough(promote, proxy.host, 'transient')
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(await tagDigest(path, 'transient')).toBe(source)
  })

  it.for<[string, Fault]>([
    ['503', { kind: 'status', status: 503 }],
    ['connection resets', { kind: 'reset' }]
  ])(
    'fails clearly on persistent %s and leaves every tag as it was',
    async ([, fault], { promote, proxy }) => {
      proxy.inject(fault, 1000)
      const result = await promoteThrough(promote, proxy.host)
      proxy.clearFaults()
      expect(result.main.exitCode).toBe(1)
      expect(result.errors).toHaveLength(1)
      expect(result.errors[0]).toMatch(
        new RegExp(`::error::registry ${proxy.host.replace(/\./g, '\\.')} `)
      )
      expect(await tagDigest(path, 'staging')).toBe(before)
      expect(await tagDigest(path, 'sha-5050505')).toBe(source)
    }
  )

  it('fails clearly when the registry is down, changing nothing', async ({ promote }) => {
    const result = await promoteThrough(promote, '127.0.0.1:9')
    expect(result.main.exitCode).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(
        /^::error::registry 127\.0\.0\.1:9 unreachable: .*failed after 4 attempts/
      )
    ])
    expect(await tagDigest(path, 'staging')).toBe(before)
  })
})

describe('GitHub API faults', () => {
  it('retries the deployment record through a rate limit and its statuses through 5xx; the tag moves once', async ({
    github,
    promote
  }) => {
    await pushImage(path, 'qa', `qa-${Math.random()}`)
    github.failNext({
      method: 'POST',
      path: /\/deployments$/,
      ...rateLimitExceeded(new Date(Date.now() + 1000)),
      times: 1
    })
    github.failNext({ method: 'POST', path: /\/statuses$/, status: 502, times: 2 })
    const result = await promoteThrough(promote, undefined, 'qa')
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(await tagDigest(path, 'qa')).toBe(source)
    const id = Number(result.outputs['deployment-id'])
    // The create answered a second after the tag moved: no in-progress status in between.
    expect(
      github.deployments
        .find((deployment) => deployment.id === id)
        ?.statuses.map((status) => status.state)
    ).toEqual(['success'])
  })

  it('never repeats a deployment create that failed with a 5xx (it may exist already): warns, keeps the promotion', async ({
    github,
    promote
  }) => {
    await pushImage(path, 'uat', `uat-${Math.random()}`)
    const creates = (): number =>
      github.requests.filter(
        (request) => request.method === 'POST' && /\/deployments$/.test(request.path)
      ).length
    const before = creates()
    github.failNext({ method: 'POST', path: /\/deployments$/, status: 502, times: 1 })
    const result = await promoteThrough(promote, undefined, 'uat')
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.main.stdout).toMatch(/::warning::Could not record the deployment of uat: /)
    expect(creates() - before).toBe(1)
    expect(await tagDigest(path, 'uat')).toBe(source)
  })

  it('retries the pull request comment, then warns, and never repeats the image work', async ({
    build,
    github
  }) => {
    github.failNext({ method: 'POST', path: /\/comments$/, status: 500, times: 10 })
    const result = await build({
      workspace: makeWorkspace(),
      repository: freshRepository('comment-fault'),
      pullRequest: { number: 71 },
      inputs: { 'test-command': 'true' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.outputs.pushed).toBe('true')
    expect(result.main.stdout).toMatch(/::warning::Could not comment on pull request #71: /)
    expect(result.main.stdout.match(/\[command\]\S*docker push/g)).toHaveLength(1)
  })
})

describe('docker engine faults', () => {
  it('fails clearly when the engine dies during the build, pushing nothing', async ({ build }) => {
    const engine = await startDyingEngine()
    const workspace = makeWorkspace({
      Dockerfile: 'FROM immutable-image-base/busybox:1\nRUN sleep 5\n'
    })
    const repository = freshRepository('engine-dies')
    try {
      const result = await build({
        workspace,
        repository,
        inputs: { network: 'host', 'test-command': 'true' },
        env: { DOCKER_HOST: engine.host }
      })
      // The engine cut a build off; the action did not start another (buildx itself may redial
      // the dropped session, which the engine counts again, so the action's own commands count).
      expect(engine.builds).toBeGreaterThanOrEqual(1)
      expect(buildCommands(result.main.stdout)).toHaveLength(1)
      expect(result.main.exitCode).toBe(1)
      expect(result.errors).toEqual([expect.stringMatching(/^::error::the image build failed/)])
      expect(result.outputs.pushed).toBe('false')
      expect(await tagDigest(repository, `sha-${workspace.sha.slice(0, 7)}`)).toBeUndefined()
    } finally {
      await engine.close()
    }
  })

  it('fails clearly when no engine runs, pushing nothing', async ({ build }) => {
    const workspace = makeWorkspace()
    const repository = freshRepository('no-engine')
    const result = await build({
      workspace,
      repository,
      inputs: { 'test-command': 'true' },
      env: { DOCKER_HOST: 'unix:///nonexistent/docker.sock' }
    })
    expect(result.main.exitCode).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(/^::error::no Docker engine is reachable: /)
    ])
    expect(await tagDigest(repository, `sha-${workspace.sha.slice(0, 7)}`)).toBeUndefined()
  })
})
