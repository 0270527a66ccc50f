// The build action's pull request comment on busy, planted, fork and push runs.
import { describe, expect } from 'vitest'
import { freshRepository, it, makeWorkspace, READ_TOKEN } from '../harness/index.js'

describe('comments', () => {
  it('finds its comment beyond the first page of a busy pull request', async ({
    build,
    github
  }) => {
    const path = freshRepository('busy')
    const workspace = makeWorkspace()
    github.seedComments('acme', 'web', 21, 230)
    const first = await build({
      workspace,
      repository: path,
      pullRequest: { number: 21 },
      inputs: { push: 'false' }
    })
    expect(first.main.exitCode, first.main.stdout).toBe(0)
    const listed = github.requests.length
    const again = await build({ workspace, repository: path, pullRequest: { number: 21 } })
    expect(again.main.exitCode, again.main.stdout).toBe(0)
    const ours = github
      .commentsOn(21)
      .filter((comment) => comment.body.startsWith('<!-- immutable-image:'))
    expect(ours).toHaveLength(1)
    expect(ours[0]?.body).toContain('Tested and pushed')
    const pagesRead = github.requests
      .slice(listed)
      .filter((request) => request.method === 'GET' && request.path.includes('/issues/21/comments'))
    expect(pagesRead).toHaveLength(3)
  })

  it('leaves a comment with its marker planted by someone else alone, and writes its own', async ({
    build,
    env,
    github
  }) => {
    const path = freshRepository('planted')
    const marker = `<!-- immutable-image:${env.registry}/${path} -->`
    const [planted] = github.seedComments('acme', 'web', 22, 1, {
      author: 'mallory',
      bodyPrefix: marker
    })
    const result = await build({
      workspace: makeWorkspace(),
      repository: path,
      pullRequest: { number: 22 },
      inputs: { push: 'false' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    const comments = github.commentsOn(22)
    expect(comments.map((comment) => comment.user.login)).toEqual([
      'mallory',
      'github-actions[bot]'
    ])
    expect(comments[0]).toMatchObject({ id: planted?.id, body: `${marker} 1` })
    expect(comments[1]?.body.startsWith(`${marker}\n`)).toBe(true)
  })

  it('turns a fork’s read-only token refusal into a warning', async ({ build, github }) => {
    const result = await build({
      workspace: makeWorkspace(),
      repository: freshRepository('fork'),
      pullRequest: { number: 31, fork: true },
      token: READ_TOKEN,
      inputs: { push: 'false' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.main.stdout).toMatch(
      /::warning::Could not comment on pull request #31: the token of a pull request from a fork is read-only/
    )
    expect(github.commentsOn(31)).toHaveLength(0)
  })

  it('makes no comment request outside pull requests', async ({ build, github }) => {
    const before = github.requests.length
    const result = await build({
      workspace: makeWorkspace(),
      repository: freshRepository('push'),
      inputs: { push: 'false' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(github.requests.length).toBe(before)
  })
})
