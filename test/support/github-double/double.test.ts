import { getOctokit } from '@actions/github'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  PERSONAL_TOKEN,
  READ_TOKEN,
  WRITE_TOKEN,
  rateLimitExceeded,
  startGitHubApiDouble,
  type GitHubApiDouble
} from './index.js'

const owner = 'octo-org'
const repo = 'shop'
const sha = 'a'.repeat(40)
const otherSha = 'b'.repeat(40)
const NO_DEPLOYMENTS_TOKEN = 'ghs_DoubleNoDeploymentsToken000000000000'

let double: GitHubApiDouble

beforeEach(async () => {
  double = await startGitHubApiDouble({
    repositories: [{ owner, repo, pullRequests: [7, 8], commits: [sha], refs: { main: otherSha } }],
    tokens: {
      [NO_DEPLOYMENTS_TOKEN]: {
        identity: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
        kind: 'installation',
        permissions: { 'pull-requests': 'write' }
      }
    }
  })
})

afterEach(async () => {
  double.assertNoViolations()
  await double.close()
})

function octokit(token = WRITE_TOKEN): ReturnType<typeof getOctokit> {
  return getOctokit(token, { baseUrl: double.url })
}

/** For tests that break the description on purpose: what the double saw, then a clean slate. */
function takeViolations(): string[] {
  return double.violations.splice(0)
}

describe('issue comments', () => {
  it('serves 250 comments to paginate in ascending id order, 100 a page', async () => {
    double.seedComments(owner, repo, 7, 250)

    const comments = await octokit().paginate(octokit().rest.issues.listComments, {
      owner,
      repo,
      issue_number: 7,
      per_page: 100
    })

    expect(comments.map((c) => c.body)).toEqual(
      Array.from({ length: 250 }, (_, i) => `Comment ${i + 1}`)
    )
    expect(double.requests.filter((r) => r.method === 'GET')).toHaveLength(3)
  })

  it('links to the other pages as GitHub does: prev, next, last, first by repository id', async () => {
    double.seedComments(owner, repo, 7, 250)

    const { headers } = await octokit().rest.issues.listComments({
      owner,
      repo,
      issue_number: 7,
      per_page: 100,
      page: 2
    })

    const id = /\/repositories\/(\d+)\//.exec(headers.link ?? '')?.[1] ?? ''
    const page = (n: number): string =>
      `${double.url}/repositories/${id}/issues/7/comments?per_page=100&page=${n}`
    expect(headers.link).toBe(
      `<${page(1)}>; rel="prev", <${page(3)}>; rel="next", <${page(3)}>; rel="last", <${page(1)}>; rel="first"`
    )
  })

  it('pages by 30 when per_page is not given, and sends no Link when one page holds all', async () => {
    double.seedComments(owner, repo, 7, 31)
    double.seedComments(owner, repo, 8, 30)

    const first = await octokit().rest.issues.listComments({ owner, repo, issue_number: 7 })
    const whole = await octokit().rest.issues.listComments({ owner, repo, issue_number: 8 })

    expect(first.data).toHaveLength(30)
    expect(first.headers.link).toContain('rel="next"')
    expect(whole.data).toHaveLength(30)
    expect(whole.headers.link).toBeUndefined()
  })

  it('creates a comment as the token it was written with: github-actions[bot] for the workflow token', async () => {
    const { status, data, headers } = await octokit().rest.issues.createComment({
      owner,
      repo,
      issue_number: 7,
      body: 'hello'
    })

    expect(status).toBe(201)
    expect(data).toMatchObject({
      body: 'hello',
      html_url: `https://github.com/${owner}/${repo}/pull/7#issuecomment-${data.id}`,
      user: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }
    })
    expect(headers['content-type']).toBe('application/json; charset=utf-8')
    expect(headers['x-ratelimit-remaining']).toBe('4999')
    expect(double.comments).toMatchObject([{ id: data.id, issueNumber: 7, body: 'hello' }])
  })

  it("creates a person's comment as that person", async () => {
    const { data } = await octokit(PERSONAL_TOKEN).rest.issues.createComment({
      owner,
      repo,
      issue_number: 7,
      body: 'by hand'
    })

    expect(data.user).toMatchObject({ login: 'octocat', type: 'User' })
  })

  it('lists seeded comments with their authors', async () => {
    double.seedComments(owner, repo, 7, 1, { author: 'mallory' })

    const { data } = await octokit().rest.issues.listComments({ owner, repo, issue_number: 7 })

    expect(data[0]?.user).toMatchObject({ login: 'mallory', type: 'User' })
  })

  it('updates and deletes a comment', async () => {
    const [seeded] = double.seedComments(owner, repo, 7, 1)
    const comment_id = seeded?.id ?? 0

    const updated = await octokit().rest.issues.updateComment({
      owner,
      repo,
      comment_id,
      body: 'edited'
    })
    const deleted = await octokit().rest.issues.deleteComment({ owner, repo, comment_id })

    expect(updated.data.body).toBe('edited')
    expect(deleted.status).toBe(204)
    expect(double.comments).toEqual([])
  })

  it.each([
    [
      'a comment id it does not hold',
      () => octokit().rest.issues.deleteComment({ owner, repo, comment_id: 1 })
    ],
    [
      'a pull request the repository lacks',
      () => octokit().rest.issues.createComment({ owner, repo, issue_number: 9, body: 'x' })
    ],
    [
      'listing the comments of a missing pull request',
      () => octokit().rest.issues.listComments({ owner, repo, issue_number: 9 })
    ],
    [
      'a repository that does not exist',
      () =>
        octokit().rest.issues.createComment({ owner, repo: 'nowhere', issue_number: 7, body: 'x' })
    ]
  ])('answers 404 Not Found for %s', async (_, call) => {
    await expect(call()).rejects.toMatchObject({
      status: 404,
      response: { data: { message: 'Not Found', status: '404' } }
    })
    expect(double.comments).toEqual([])
  })

  it('refuses a body over 65536 characters with 422', async () => {
    await expect(
      octokit().rest.issues.createComment({ owner, repo, issue_number: 7, body: 'x'.repeat(65537) })
    ).rejects.toMatchObject({
      status: 422,
      response: {
        data: {
          message: 'Validation Failed',
          errors: [{ message: 'Body is too long (maximum is 65536 characters)' }]
        }
      }
    })
  })
})

describe('tokens', () => {
  it("lets a fork's read-only token read but answers its writes 403 with GitHub's message", async () => {
    double.seedComments(owner, repo, 7, 2)

    const listed = await octokit(READ_TOKEN).rest.issues.listComments({
      owner,
      repo,
      issue_number: 7
    })
    await expect(
      octokit(READ_TOKEN).rest.issues.createComment({ owner, repo, issue_number: 7, body: 'no' })
    ).rejects.toMatchObject({
      status: 403,
      response: {
        headers: { 'x-accepted-github-permissions': 'issues=write; pull_requests=write' },
        data: {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
          status: '403'
        }
      }
    })
    expect(listed.data).toHaveLength(2)
    expect(double.comments).toHaveLength(2)
  })

  it('refuses a deployment to a token without the deployments permission', async () => {
    await expect(
      octokit(NO_DEPLOYMENTS_TOKEN).rest.repos.createDeployment({ owner, repo, ref: sha })
    ).rejects.toMatchObject({
      status: 403,
      response: { headers: { 'x-accepted-github-permissions': 'deployments=write' } }
    })
    await expect(
      octokit(NO_DEPLOYMENTS_TOKEN).rest.repos.listDeployments({ owner, repo })
    ).rejects.toMatchObject({ status: 403 })
    expect(double.deployments).toEqual([])
  })

  it('answers 401 Bad credentials without a token and with an unknown one', async () => {
    const path = `${double.url}/repos/${owner}/${repo}/deployments`
    const anonymous = await fetch(path)
    const unknown = await fetch(path, { headers: { authorization: 'Bearer ghs_unknown' } })

    expect(anonymous.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(await unknown.json()).toEqual({
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest',
      status: '401'
    })
  })

  it('records every request with its authorization header, for leak scans', async () => {
    await octokit().rest.repos.listDeployments({ owner, repo })

    expect(double.requests).toMatchObject([
      {
        method: 'GET',
        path: `/repos/${owner}/${repo}/deployments`,
        headers: { authorization: `token ${WRITE_TOKEN}` }
      }
    ])
  })
})

describe('GET /user', () => {
  it('refuses an installation token, as GitHub refuses the workflow token', async () => {
    await expect(octokit().rest.users.getAuthenticated()).rejects.toMatchObject({
      status: 403,
      response: {
        data: {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user'
        }
      }
    })
  })

  it("answers a person's token with that person", async () => {
    const { data } = await octokit(PERSONAL_TOKEN).rest.users.getAuthenticated()

    expect(data).toMatchObject({ login: 'octocat', id: 583231, type: 'User' })
  })
})

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
