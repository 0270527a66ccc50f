// The comment thread of one pull request, as the sticky comment needs it, and its Octokit adapter.
import type { Octokit } from './octokit.js'
import { withGitHubRetry } from './retry.js'

/** Who a token writes as. Accounts are told apart by id: a login can be renamed and reused. */
export interface TokenIdentity {
  readonly login: string
  readonly id: number
}

/** The identity behind the workflow's GITHUB_TOKEN on github.com. */
export const WORKFLOW_TOKEN_IDENTITY: TokenIdentity = { login: 'github-actions[bot]', id: 41898282 }

export interface ThreadComment {
  readonly id: number
  readonly url: string
  readonly body: string
  /** Undefined when the author's account is gone (GitHub's "ghost"). */
  readonly author: TokenIdentity | undefined
}

/** One pull request's comments, read and written with one token. */
export interface CommentThread {
  /** Who this thread's token writes as. */
  identity(): Promise<TokenIdentity>
  /** Every comment on the thread, across all pages. */
  list(): Promise<ThreadComment[]>
  create(body: string): Promise<ThreadComment>
  update(id: number, body: string): Promise<ThreadComment>
  /** Best effort: a comment already gone is no failure. */
  remove(id: number): Promise<void>
}

export interface PullRequestThread {
  readonly owner: string
  readonly repo: string
  readonly issueNumber: number
}

interface ApiComment {
  readonly id: number
  readonly html_url: string
  readonly body?: string | null
  readonly user: { readonly id: number; readonly login: string } | null
}

function threadComment(comment: ApiComment): ThreadComment {
  return {
    id: comment.id,
    url: comment.html_url,
    body: comment.body ?? '',
    author: comment.user === null ? undefined : { login: comment.user.login, id: comment.user.id }
  }
}

/**
 * Reads and writes are retried: a comment a repeated create leaves twice is settled afterwards
 * (see settleRace). A delete is best effort.
 */
export function octokitCommentThread(octokit: Octokit, thread: PullRequestThread): CommentThread {
  const repository = { owner: thread.owner, repo: thread.repo }
  return {
    identity: () => tokenIdentity(octokit),
    list: () =>
      withGitHubRetry(async () => {
        const comments: ThreadComment[] = []
        const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
          ...repository,
          issue_number: thread.issueNumber,
          per_page: 100
        })
        for await (const page of pages) comments.push(...page.data.map(threadComment))
        return comments
      }),
    create: async (body) => {
      const { data } = await withGitHubRetry(() =>
        octokit.rest.issues.createComment({ ...repository, issue_number: thread.issueNumber, body })
      )
      return threadComment(data)
    },
    update: async (id, body) => {
      const { data } = await withGitHubRetry(() =>
        octokit.rest.issues.updateComment({ ...repository, comment_id: id, body })
      )
      return threadComment(data)
    },
    remove: async (id) => {
      await octokit.rest.issues
        .deleteComment({ ...repository, comment_id: id })
        .catch(() => undefined)
    }
  }
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
