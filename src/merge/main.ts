// The merge action: join platform images pushed by digest into one index, tag it, comment its digest.
import * as core from '../runner/core.js'
import { ActionError } from '../errors.js'
import { failStep } from '../fail-step.js'
import { runContext, type RunContext } from '../github/context.js'
import { commentOnPullRequest } from '../github/pull-request-comment.js'
import { untrustedText } from '../log/untrusted-text.js'
import { openRepository } from '../registry/open-repository.js'
import { commentMarker } from '../render/comment.js'
import { writeJobSummary } from '../render/job-summary.js'
import { renderMerge } from '../render/merge.js'
import { getMergeSettings, type MergeSettings } from '../settings/merge.js'
import { merge, MergeRefusal, type MergeResult } from './merge.js'

export async function run(): Promise<void> {
  try {
    const settings = getMergeSettings()
    const context = runContext()
    const sha = mergedCommit(context)
    const registry = await openRepository(settings.image, settings)
    let result: MergeResult
    try {
      result = await merge(settings, sha, registry)
    } catch (error) {
      if (error instanceof MergeRefusal) await report(settings, context, error.result)
      throw error
    }
    await report(settings, context, result)
    core.info(`Merged ${result.image}@${untrustedText(result.digest)} (commit ${sha})`)
  } catch (error) {
    failStep(error)
  }
}

/** The commit the platform builds tagged: the pull request's head, else the event's commit. */
function mergedCommit(context: RunContext): string {
  const sha = context.pullRequest?.headSha ?? context.eventSha
  if (!/^[0-9a-f]{40}$/.test(sha)) {
    throw new ActionError('the event names no commit (GITHUB_SHA is not set): nothing to merge for')
  }
  return sha
}

async function report(
  settings: MergeSettings,
  context: RunContext,
  result: MergeResult
): Promise<void> {
  core.setOutput('image', result.image)
  core.setOutput('tag', result.shaTag)
  core.setOutput('tags', result.tags.join('\n'))
  core.setOutput('digest', result.digest ?? '')
  core.setOutput('ref', result.digest === undefined ? '' : `${result.image}@${result.digest}`)
  const markdown = renderMerge(result, context.runUrl)
  await writeJobSummary(markdown)
  const url = settings.comment
    ? await commentOnPullRequest(
        context,
        settings.githubToken,
        commentMarker(result.image),
        `${commentMarker(result.image)}\n${markdown}`
      )
    : ''
  core.setOutput('comment-url', url)
}
