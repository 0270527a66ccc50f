import { describe, expect, it } from 'vitest'
import {
  double,
  octokit,
  otherSha,
  owner,
  repo,
  sha,
  takeViolations,
  useDouble
} from './double-fixture.js'
import { rateLimitExceeded, WRITE_TOKEN } from './index.js'

useDouble()

describe("checks against api.github.com's description", () => {
  it('answers a request that breaks the schema 422 and records the violation', async () => {
    const id = await deploy('staging')

    await expect(
      octokit().rest.repos.createDeploymentStatus({
        owner,
        repo,
        deployment_id: id,
        state: 'done' as 'success'
      })
    ).rejects.toMatchObject({ status: 422 })
    expect(takeViolations()).toEqual([
      expect.stringMatching(
        /^request repos\/create-deployment-status: request body\/state: must be equal to one of the allowed values/
      )
    ])
  })

  it('records a body field the operation does not have, as a misspelling would send', async () => {
    const id = await deploy('staging')

    await octokit()
      .request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
        owner,
        repo,
        deployment_id: id,
        state: 'success',
        auto_inactve: false
      })
      .catch(() => undefined)

    expect(takeViolations()).toEqual([expect.stringContaining('(auto_inactve)')])
  })

  it("answers an unknown route with GitHub's 404 and records it", async () => {
    const response = await fetch(`${double.url}/repos/${owner}/${repo}/nothing-here`, {
      headers: { authorization: `token ${WRITE_TOKEN}` }
    })

    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
      status: '404'
    })
    expect(takeViolations()).toEqual([
      `GET /repos/${owner}/${repo}/nothing-here: no such route in the double`
    ])
  })
})

describe('failNext', () => {
  it('fails the matching request the given number of times, then serves normally', async () => {
    const list = (): Promise<unknown> => octokit().rest.repos.listDeployments({ owner, repo })
    double.failNext({
      method: 'GET',
      path: `/repos/${owner}/${repo}/deployments`,
      status: 502,
      times: 2
    })

    const failures = await Promise.allSettled([list(), list()])
    const third = await list()

    expect(failures.map((f) => f.status)).toEqual(['rejected', 'rejected'])
    expect(third).toMatchObject({ status: 200 })
  })

  it('leaves requests that do not match alone', async () => {
    double.failNext({ method: 'POST', path: /\/comments$/, status: 500 })

    const listed = await octokit().rest.repos.listDeployments({ owner, repo })
    await expect(
      octokit().rest.issues.createComment({ owner, repo, issue_number: 7, body: 'x' })
    ).rejects.toMatchObject({ status: 500 })
    expect(listed.status).toBe(200)
  })

  it('sends a primary rate limit with its headers', async () => {
    const resetAt = new Date('2030-01-01T00:00:00Z')
    double.failNext(rateLimitExceeded(resetAt))

    await expect(octokit().rest.repos.listDeployments({ owner, repo })).rejects.toMatchObject({
      status: 403,
      response: {
        headers: {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(resetAt.getTime() / 1000)
        }
      }
    })
  })
})

describe('deployments', () => {
  it('creates a deployment with its defaults, as its creator', async () => {
    const created = await octokit().rest.repos.createDeployment({
      owner,
      repo,
      ref: sha,
      environment: 'staging',
      payload: { digest: 'sha256:1234' },
      required_contexts: [],
      auto_merge: false
    })

    expect(created.status).toBe(201)
    expect(created.data).toMatchObject({
      sha,
      ref: sha,
      task: 'deploy',
      environment: 'staging',
      original_environment: 'staging',
      payload: { digest: 'sha256:1234' },
      production_environment: false,
      transient_environment: false,
      creator: { login: 'github-actions[bot]' }
    })
  })

  it('lists deployments newest first, filtered by environment', async () => {
    for (const environment of ['staging', 'production', 'staging']) await deploy(environment)

    const { data } = await octokit().rest.repos.listDeployments({
      owner,
      repo,
      environment: 'staging'
    })

    const staging = double.deployments.filter((d) => d.environment === 'staging')
    expect(data.map((d) => d.id)).toEqual(staging.map((d) => d.id).reverse())
  })

  it('resolves a branch to its commit', async () => {
    const { data } = await octokit().rest.repos.createDeployment({ owner, repo, ref: 'main' })

    expect(data).toMatchObject({ ref: 'main', sha: otherSha })
  })

  it.each(['nowhere', 'c'.repeat(40)])(
    'refuses a ref the repository lacks (%s) with 422',
    async (ref) => {
      await expect(
        octokit().rest.repos.createDeployment({ owner, repo, ref })
      ).rejects.toMatchObject({
        status: 422,
        response: {
          data: {
            message: `No ref found for: ${ref}`,
            documentation_url:
              'https://docs.github.com/rest/deployments/deployments#create-a-deployment'
          }
        }
      })
      expect(double.deployments).toEqual([])
    }
  )

  it('answers 404 for the statuses of a deployment it does not hold', async () => {
    await expect(
      octokit().rest.repos.listDeploymentStatuses({ owner, repo, deployment_id: 1 })
    ).rejects.toMatchObject({ status: 404 })
  })

  it('returns statuses newest first, log_url doubling as target_url', async () => {
    const deployment = await deploy('staging')
    for (const state of ['queued', 'in_progress', 'success'] as const) {
      await octokit().rest.repos.createDeploymentStatus({
        owner,
        repo,
        deployment_id: deployment,
        state,
        log_url: 'https://github.com/run/1'
      })
    }

    const { data } = await octokit().rest.repos.listDeploymentStatuses({
      owner,
      repo,
      deployment_id: deployment
    })

    expect(data.map((s) => s.state)).toEqual(['success', 'in_progress', 'queued'])
    expect(data[0]).toMatchObject({
      environment: 'staging',
      target_url: 'https://github.com/run/1',
      log_url: 'https://github.com/run/1'
    })
  })

  it('marks earlier successful deployments of the environment inactive on a new success', async () => {
    const first = await deploy('staging')
    const second = await deploy('staging')
    const elsewhere = await deploy('qa')
    for (const id of [first, elsewhere, second]) await succeed(id)

    expect(statesOf(first)).toEqual(['success', 'inactive'])
    expect(statesOf(elsewhere)).toEqual(['success'])
    expect(statesOf(second)).toEqual(['success'])
  })

  it('leaves earlier deployments alone when auto_inactive is false', async () => {
    const first = await deploy('staging')
    const second = await deploy('staging')
    await succeed(first)
    await succeed(second, false)

    expect(statesOf(first)).toEqual(['success'])
  })

  it('leaves production deployments active, as GitHub documents', async () => {
    const first = await deploy('production')
    const second = await deploy('production')
    await succeed(first)
    await succeed(second)

    expect(statesOf(first)).toEqual(['success'])
  })

  it('refuses a status description over 140 characters with 422', async () => {
    const id = await deploy('staging')

    await expect(
      octokit().rest.repos.createDeploymentStatus({
        owner,
        repo,
        deployment_id: id,
        state: 'success',
        description: 'x'.repeat(141)
      })
    ).rejects.toMatchObject({ status: 422 })
  })
})

async function deploy(environment: string): Promise<number> {
  const { data } = await octokit().rest.repos.createDeployment({
    owner,
    repo,
    ref: sha,
    environment
  })
  if (!('id' in data)) throw new Error(data.message)
  return data.id
}

async function succeed(deploymentId: number, autoInactive = true): Promise<void> {
  await octokit().rest.repos.createDeploymentStatus({
    owner,
    repo,
    deployment_id: deploymentId,
    state: 'success',
    auto_inactive: autoInactive
  })
}

function statesOf(deploymentId: number): string[] {
  return double.deployments.find((d) => d.id === deploymentId)?.statuses.map((s) => s.state) ?? []
}
