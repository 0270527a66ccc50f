import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createOctokit } from '../../src/github/octokit.js'
import {
  octokitCommentThread,
  tokenIdentity,
  WORKFLOW_TOKEN_IDENTITY,
  type PullRequestThread
} from '../../src/github/comment-thread.js'
import { isOwnStickyComment, upsertStickyComment } from '../../src/github/sticky-comment.js'
import {
  PERSONAL_TOKEN,
  startGitHubApiDouble,
  WRITE_TOKEN,
  type GitHubApiDouble
} from '../harness/github-double/index.js'

const MARKER = '<!-- immutable-image: ghcr.io/acme/web -->'
const target: PullRequestThread = { owner: 'acme', repo: 'web', issueNumber: 7 }
const APP_TOKEN = 'ghs_DoubleOtherAppToken00000000000000000'
const APP_BOT = { login: 'deploy-app[bot]', id: 7_000_001, type: 'Bot' } as const

let github: GitHubApiDouble

beforeEach(async () => {
  github = await startGitHubApiDouble({
    repositories: [{ owner: 'acme', repo: 'web', pullRequests: [7] }],
    tokens: {
      [APP_TOKEN]: {
        identity: APP_BOT,
        kind: 'installation',
        permissions: { 'pull-requests': 'write' }
      }
    }
  })
})

afterEach(async () => {
  github.assertNoViolations()
  await github.close()
})

async function upsert(body: string, token = WRITE_TOKEN): ReturnType<typeof upsertStickyComment> {
  return upsertStickyComment(
    octokitCommentThread(await createOctokit(token, github.url), target),
    MARKER,
    body
  )
}

function plant(author = 'mallory'): { id: number; body: string } {
  const [planted] = github.seedComments('acme', 'web', 7, 1, { author, bodyPrefix: MARKER })
  if (planted === undefined) throw new Error('no comment planted')
  return { id: planted.id, body: planted.body }
}

function authorsAndBodies(): [string, string][] {
  return github.comments.map((comment) => [comment.user.login, comment.body])
}

describe('upsertStickyComment', () => {
  it('leaves a comment with our marker planted by someone else alone and writes its own', async () => {
    const planted = plant()

    const posted = await upsert(`${MARKER}\nfirst`)

    expect(posted.created).toBe(true)
    expect(authorsAndBodies()).toEqual([
      ['mallory', planted.body],
      ['github-actions[bot]', `${MARKER}\nfirst`]
    ])
  })

  it('updates its own comment, not an older planted one', async () => {
    const planted = plant()
    const first = await upsert(`${MARKER}\nfirst`)

    const second = await upsert(`${MARKER}\nsecond`)

    expect(second).toMatchObject({ id: first.id, created: false })
    expect(authorsAndBodies()).toEqual([
      ['mallory', planted.body],
      ['github-actions[bot]', `${MARKER}\nsecond`]
    ])
  })

  it('never deletes, as a duplicate, a comment planted while it writes its own', async () => {
    const octokit = await createOctokit(WRITE_TOKEN, github.url)
    let planted: { id: number } | undefined
    octokit.hook.after('request', (_, options) => {
      if (options.method === 'POST') planted = plant()
    })

    const posted = await upsertStickyComment(
      octokitCommentThread(octokit, target),
      MARKER,
      `${MARKER}\nfirst`
    )

    expect(github.comments.map((comment) => comment.id)).toEqual([posted.id, planted?.id])
  })

  it("with a person's token, owns that person's comments and not the workflow's", async () => {
    await upsert(`${MARKER}\nby the workflow`)

    await upsert(`${MARKER}\nby octocat`, PERSONAL_TOKEN)

    expect(authorsAndBodies()).toEqual([
      ['github-actions[bot]', `${MARKER}\nby the workflow`],
      ['octocat', `${MARKER}\nby octocat`]
    ])
  })

  it("keeps one comment for another GitHub App's token, learning its name from what it writes", async () => {
    const first = await upsert(`${MARKER}\nfirst`, APP_TOKEN)

    const second = await upsert(`${MARKER}\nsecond`, APP_TOKEN)

    expect(second).toMatchObject({ id: first.id, created: false })
    expect(authorsAndBodies()).toEqual([['deploy-app[bot]', `${MARKER}\nsecond`]])
  })
})

describe('tokenIdentity', () => {
  it('takes the workflow token, which GET /user refuses, as github-actions[bot]', async () => {
    expect(await tokenIdentity(await createOctokit(WRITE_TOKEN, github.url))).toEqual(
      WORKFLOW_TOKEN_IDENTITY
    )
    expect(WORKFLOW_TOKEN_IDENTITY).toEqual({ login: 'github-actions[bot]', id: 41898282 })
  })

  it("answers a person's token with that person", async () => {
    expect(await tokenIdentity(await createOctokit(PERSONAL_TOKEN, github.url))).toEqual({
      login: 'octocat',
      id: 583231
    })
  })

  it('lets other refusals through', async () => {
    await expect(
      tokenIdentity(await createOctokit('ghs_unknown', github.url))
    ).rejects.toMatchObject({ status: 401 })
  })
})

describe('isOwnStickyComment', () => {
  const self = { login: 'github-actions[bot]', id: 41898282 }

  it.each([
    ['ours, with the marker', { id: 41898282, login: 'github-actions[bot]' }, `${MARKER}\nx`, true],
    ['ours, without the marker', { id: 41898282, login: 'github-actions[bot]' }, 'hello', false],
    ['the marker, by someone else', { id: 1, login: 'mallory' }, `${MARKER}\nx`, false],
    ['the marker, by a look-alike login', { id: 2, login: 'github-actions[bot]' }, MARKER, false],
    ['the marker quoted inside the body', { id: 41898282, login: 'x' }, `> ${MARKER}`, false],
    ['the marker, by a deleted account', null, MARKER, false]
  ])('%s: %s', (_, user, body, expected) => {
    expect(isOwnStickyComment({ author: user ?? undefined, body }, MARKER, self)).toBe(expected)
  })
})
