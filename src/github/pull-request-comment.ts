// Writes an action's sticky comment on the run's pull request; a refusal is a warning, not a failure.
import * as core from '../runner/core.js'
import { getErrorMessage } from '../errors.js'
import { untrustedText } from '../log/untrusted-text.js'
import { octokitCommentThread } from './comment-thread.js'
import type { RunContext } from './context.js'
import { createOctokit } from './octokit.js'
import { upsertStickyComment } from './sticky-comment.js'

/** The comment's URL, or '' when there is no pull request, no token, or GitHub refused. */
export async function commentOnPullRequest(
  run: RunContext,
  token: string,
  marker: string,
  body: string
): Promise<string> {
  if (run.pullRequest === undefined) {
    core.info('Not a pull request: no comment.')
    return ''
  }
  if (token === '') {
    core.warning('No github-token: the pull request comment is skipped.')
    return ''
  }
  try {
    const octokit = await createOctokit(token, run.apiUrl)
    const comment = await upsertStickyComment(
      octokitCommentThread(octokit, {
        owner: run.owner,
        repo: run.repo,
        issueNumber: run.pullRequest.number
      }),
      marker,
      body
    )
    core.info(
      `${comment.created ? 'Commented' : 'Updated the comment'} on pull request #${run.pullRequest.number}: ${untrustedText(comment.url)}`
    )
    return comment.url
  } catch (error) {
    const status = (error as { status?: number }).status
    const why =
      status === 403 && run.pullRequest.fromFork
        ? 'the token of a pull request from a fork is read-only'
        : getErrorMessage(error)
    core.warning(`Could not comment on pull request #${run.pullRequest.number}: ${why}`)
    return ''
  }
}
