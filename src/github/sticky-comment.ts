// One comment per image per pull request, found again by its marker and its author, updated in place.
import type { Octokit } from './octokit.js'
import { withGitHubRetry } from './retry.js'

export interface StickyCommentTarget {
  readonly owner: string
  readonly repo: string
  readonly issueNumber: number
  readonly marker: string
}

export interface PostedComment {
  readonly id: number
  readonly url: string
  readonly created: boolean
}

/** Who a token writes as. Accounts are told apart by id: a login can be renamed and reused. */
export interface TokenIdentity {
  readonly login: string
  readonly id: number
}

/** The identity behind the workflow's GITHUB_TOKEN on github.com. */
export const WORKFLOW_TOKEN_IDENTITY: TokenIdentity = { login: 'github-actions[bot]', id: 41898282 }

interface ListedComment {
  readonly body?: string | null
  readonly user: { readonly id: number; readonly login: string } | null
}

/**
 * A comment is ours when our token wrote it and it opens with our marker. Anyone can post the
 * marker; counting only our own comments keeps a planted one from being edited or deleted.
 */
export function isOwnStickyComment(
  comment: ListedComment,
  marker: string,
  self: TokenIdentity
): boolean {
  return comment.user?.id === self.id && comment.body?.startsWith(marker) === true
}

/**
 * GET /user names a person's token. Installation tokens (the workflow's GITHUB_TOKEN, another
 * GitHub App's) are refused it and are taken as github-actions[bot]; another App learns its own
 * name from the comment it creates (see upsertStickyComment).
 */
export async function tokenIdentity(octokit: Octokit): Promise<TokenIdentity> {
  try {
    const { data } = await withGitHubRetry(() => octokit.rest.users.getAuthenticated())
    return { login: data.login, id: data.id }
  } catch (error) {
    if (isIntegrationRefusal(error)) return WORKFLOW_TOKEN_IDENTITY
    throw error
  }
}

function isIntegrationRefusal(error: unknown): boolean {
  const { status, message } = error as { status?: number; message?: string }
  return status === 403 && /not accessible by integration/.test(message ?? '')
}

/** Creates the comment, or updates our own that carries the marker (searching every page). */
export async function upsertStickyComment(
  octokit: Octokit,
  target: StickyCommentTarget,
  body: string
): Promise<PostedComment> {
  const repository = { owner: target.owner, repo: target.repo }
  const self = await tokenIdentity(octokit)
  const [existing] = await withGitHubRetry(() => ownComments(octokit, target, self))
  if (existing !== undefined) {
    const { data } = await withGitHubRetry(() =>
      octokit.rest.issues.updateComment({ ...repository, comment_id: existing, body })
    )
    return { id: data.id, url: data.html_url, created: false }
  }
  const { data } = await withGitHubRetry(() =>
    octokit.rest.issues.createComment({ ...repository, issue_number: target.issueNumber, body })
  )
  // The comment we wrote names who we are: another App's token is not the bot we assumed, and
  // settling with its true name finds the comment it left on an earlier run.
  const author = data.user === null ? self : { login: data.user.login, id: data.user.id }
  return (
    (await settleRace(octokit, target, body, author)) ?? {
      id: data.id,
      url: data.html_url,
      created: true
    }
  )
}

/**
 * Two runs on one pull request can both find no comment and both create one. Whoever looks
 * afterwards keeps our oldest, gives it the newest body and deletes our others: both runs agree.
 */
async function settleRace(
  octokit: Octokit,
  target: StickyCommentTarget,
  body: string,
  self: TokenIdentity
): Promise<PostedComment | undefined> {
  const [keep, ...duplicates] = await withGitHubRetry(() => ownComments(octokit, target, self))
  if (keep === undefined || duplicates.length === 0) return undefined
  const repository = { owner: target.owner, repo: target.repo }
  for (const duplicate of duplicates) {
    await octokit.rest.issues
      .deleteComment({ ...repository, comment_id: duplicate })
      .catch(() => undefined)
  }
  const { data } = await withGitHubRetry(() =>
    octokit.rest.issues.updateComment({ ...repository, comment_id: keep, body })
  )
  return { id: data.id, url: data.html_url, created: false }
}

/** The ids of our own comments carrying the marker, oldest first, across all pages. */
async function ownComments(
  octokit: Octokit,
  target: StickyCommentTarget,
  self: TokenIdentity
): Promise<number[]> {
  const ids: number[] = []
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100
  })
  for await (const page of pages) {
    for (const comment of page.data) {
      if (isOwnStickyComment(comment, target.marker, self)) ids.push(comment.id)
    }
  }
  return ids.sort((a, b) => a - b)
}
