import { describe, expect, it } from 'vitest'
import {
  double,
  NO_DEPLOYMENTS_TOKEN,
  octokit,
  owner,
  repo,
  sha,
  useDouble
} from './double-fixture.js'
import { PERSONAL_TOKEN, READ_TOKEN, WRITE_TOKEN } from './index.js'

useDouble()

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
