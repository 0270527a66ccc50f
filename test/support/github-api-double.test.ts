import { getOctokit } from '@actions/github'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  READ_TOKEN,
  WRITE_TOKEN,
  rateLimitExceeded,
  startGitHubApiDouble,
  type GitHubApiDouble
} from './github-api-double.js'

const owner = 'octo-org'
const repo = 'shop'
const sha = 'a'.repeat(40)
const otherSha = 'b'.repeat(40)

let double: GitHubApiDouble

beforeEach(async () => {
  double = await startGitHubApiDouble()
})

afterEach(async () => {
  await double.close()
})

function octokit(token = WRITE_TOKEN): ReturnType<typeof getOctokit> {
  return getOctokit(token, { baseUrl: double.url })
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

    const { id } = (await octokit().rest.repos.get({ owner, repo })).data
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

  it('serves at most 100 a page whatever per_page asks', async () => {
    double.seedComments(owner, repo, 7, 150)

    const { data } = await octokit().rest.issues.listComments({
      owner,
      repo,
      issue_number: 7,
      per_page: 150
    })

    expect(data).toHaveLength(100)
  })

  it('creates a comment as github-actions[bot] with the pull request html_url', async () => {
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
    expect(headers['x-github-request-id']).toMatch(/^[0-9A-F:]+$/)
    expect(headers['x-ratelimit-remaining']).toBe('4999')
    expect(double.comments).toMatchObject([{ id: data.id, issueNumber: 7, body: 'hello' }])
  })

  it('updates, reads back and deletes a comment', async () => {
    const [seeded] = double.seedComments(owner, repo, 7, 1)
    const comment_id = seeded?.id ?? 0

    const updated = await octokit().rest.issues.updateComment({
      owner,
      repo,
      comment_id,
      body: 'edited'
    })
    const read = await octokit().rest.issues.getComment({ owner, repo, comment_id })
    const deleted = await octokit().rest.issues.deleteComment({ owner, repo, comment_id })

    expect(updated.data.body).toBe('edited')
    expect(read.data.body).toBe('edited')
    expect(deleted.status).toBe(204)
    expect(double.comments).toEqual([])
  })

  it('answers 404 for a comment id it does not hold', async () => {
    await expect(
      octokit().rest.issues.getComment({ owner, repo, comment_id: 1 })
    ).rejects.toMatchObject({ status: 404, response: { data: { message: 'Not Found' } } })
  })

  it('refuses a body over 65536 characters with 422', async () => {
    await expect(
      octokit().rest.issues.createComment({
        owner,
        repo,
        issue_number: 7,
        body: 'x'.repeat(65537)
      })
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

describe('authentication', () => {
  it("lets a read token read but answers its writes 403 with GitHub's message", async () => {
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

  it('answers 401 Bad credentials without a token and with an unknown one', async () => {
    const anonymous = await fetch(`${double.url}/repos/${owner}/${repo}`)
    const unknown = await fetch(`${double.url}/repos/${owner}/${repo}`, {
      headers: { authorization: 'Bearer ghs_unknown' }
    })

    expect(anonymous.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(await unknown.json()).toEqual({
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest',
      status: '401'
    })
  })

  it('records every request with its authorization header, for leak scans', async () => {
    await octokit().rest.repos.get({ owner, repo })

    expect(double.requests).toMatchObject([
      {
        method: 'GET',
        path: `/repos/${owner}/${repo}`,
        headers: { authorization: `token ${WRITE_TOKEN}` }
      }
    ])
  })
})

describe('routes', () => {
  it("answers an unknown route with GitHub's 404", async () => {
    const response = await fetch(`${double.url}/repos/${owner}/${repo}/nothing-here`, {
      headers: { authorization: `token ${WRITE_TOKEN}` }
    })

    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
      status: '404'
    })
  })

  it('serves a seeded pull request with its head in a fork', async () => {
    double.addPullRequest({ owner, repo, number: 7, headSha: sha, headRef: 'topic', fork: true })

    const { data } = await octokit().rest.pulls.get({ owner, repo, pull_number: 7 })

    expect(data.head).toMatchObject({ sha, ref: 'topic', repo: { fork: true } })
    expect(data.head.repo.full_name).not.toBe(`${owner}/${repo}`)
    expect(data.base.repo.full_name).toBe(`${owner}/${repo}`)
  })
})

describe('failNext', () => {
  it('fails the matching request the given number of times, then serves normally', async () => {
    double.failNext({ method: 'GET', path: `/repos/${owner}/${repo}`, status: 502, times: 2 })

    const failures = await Promise.allSettled([
      octokit().rest.repos.get({ owner, repo }),
      octokit().rest.repos.get({ owner, repo })
    ])
    const third = await octokit().rest.repos.get({ owner, repo })

    expect(failures.map((f) => f.status)).toEqual(['rejected', 'rejected'])
    expect(third.status).toBe(200)
  })

  it('leaves requests that do not match alone', async () => {
    double.failNext({ method: 'POST', path: /\/comments$/, status: 500 })

    const repository = await octokit().rest.repos.get({ owner, repo })
    await expect(
      octokit().rest.issues.createComment({ owner, repo, issue_number: 7, body: 'x' })
    ).rejects.toMatchObject({ status: 500 })
    expect(repository.status).toBe(200)
  })

  it('sends a primary rate limit with its headers', async () => {
    const resetAt = new Date('2030-01-01T00:00:00Z')
    double.failNext(rateLimitExceeded(resetAt))

    await expect(octokit().rest.repos.get({ owner, repo })).rejects.toMatchObject({
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
  it('creates a deployment and reads it back with its defaults', async () => {
    const created = await octokit().rest.repos.createDeployment({
      owner,
      repo,
      ref: sha,
      environment: 'staging',
      payload: { digest: 'sha256:1234' },
      required_contexts: [],
      auto_merge: false
    })
    const id = created.status === 201 ? created.data.id : 0

    const { data } = await octokit().rest.repos.getDeployment({ owner, repo, deployment_id: id })

    expect(created.status).toBe(201)
    expect(data).toMatchObject({
      id,
      sha,
      ref: sha,
      task: 'deploy',
      environment: 'staging',
      original_environment: 'staging',
      payload: { digest: 'sha256:1234' },
      production_environment: false,
      transient_environment: false,
      creator: { login: 'github-actions[bot]' },
      statuses_url: `${double.url}/repos/${owner}/${repo}/deployments/${id}/statuses`
    })
  })

  it('lists deployments newest first, filtered by environment', async () => {
    for (const environment of ['staging', 'production', 'staging']) {
      await octokit().rest.repos.createDeployment({ owner, repo, ref: sha, environment })
    }

    const { data } = await octokit().rest.repos.listDeployments({
      owner,
      repo,
      environment: 'staging'
    })

    const staging = double.deployments.filter((d) => d.environment === 'staging')
    expect(data.map((d) => d.id)).toEqual(staging.map((d) => d.id).reverse())
  })

  it('resolves a branch to its sha, and refuses a ref it does not know with 422', async () => {
    double.setRef(owner, repo, 'main', otherSha)

    const created = await octokit().rest.repos.createDeployment({ owner, repo, ref: 'main' })
    await expect(
      octokit().rest.repos.createDeployment({ owner, repo, ref: 'nowhere' })
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { message: 'No ref found for: nowhere' } }
    })
    expect(created.data).toMatchObject({ ref: 'main', sha: otherSha })
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
