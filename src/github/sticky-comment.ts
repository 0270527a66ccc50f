// One comment per image per pull request, found again by a hidden marker and updated in place.
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

/** Creates the comment, or updates the one that carries the marker (searching every page). */
export async function upsertStickyComment(
  octokit: Octokit,
  target: StickyCommentTarget,
  body: string
): Promise<PostedComment> {
  const repository = { owner: target.owner, repo: target.repo }
  const [existing] = await withGitHubRetry(() => markedComments(octokit, target))
  if (existing !== undefined) {
    const { data } = await withGitHubRetry(() =>
      octokit.rest.issues.updateComment({ ...repository, comment_id: existing, body })
    )
    return { id: data.id, url: data.html_url, created: false }
  }
  const { data } = await withGitHubRetry(() =>
    octokit.rest.issues.createComment({ ...repository, issue_number: target.issueNumber, body })
  )
  return (
    (await settleRace(octokit, target, body)) ?? { id: data.id, url: data.html_url, created: true }
  )
}

/**
 * Two runs on one pull request can both find no comment and both create one. Whoever looks
 * afterwards keeps the oldest, gives it the newest body and deletes the rest: both runs agree.
 */
async function settleRace(
  octokit: Octokit,
  target: StickyCommentTarget,
  body: string
): Promise<PostedComment | undefined> {
  const [keep, ...duplicates] = await withGitHubRetry(() => markedComments(octokit, target))
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

/** The ids of every comment carrying the marker, oldest first, across all pages. */
async function markedComments(octokit: Octokit, target: StickyCommentTarget): Promise<number[]> {
  const ids: number[] = []
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100
  })
  for await (const page of pages) {
    for (const comment of page.data) {
      if (comment.body?.startsWith(target.marker) === true) ids.push(comment.id)
    }
  }
  return ids.sort((a, b) => a - b)
}
