// One comment per image per pull request, found again by a hidden marker and updated in place.
import { getOctokit } from '@actions/github'

type Octokit = ReturnType<typeof getOctokit>

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
  const existing = await findComment(octokit, target)
  if (existing !== undefined) {
    const { data } = await octokit.rest.issues.updateComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: existing,
      body
    })
    return { id: data.id, url: data.html_url, created: false }
  }
  const { data } = await octokit.rest.issues.createComment({
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    body
  })
  return { id: data.id, url: data.html_url, created: true }
}

async function findComment(
  octokit: Octokit,
  target: StickyCommentTarget
): Promise<number | undefined> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100
  })
  for await (const page of pages) {
    const found = page.data.find((comment) => comment.body?.startsWith(target.marker) === true)
    if (found !== undefined) return found.id
  }
  return undefined
}
