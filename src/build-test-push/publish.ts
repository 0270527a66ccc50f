// Tells the world what the pipeline did: step outputs, the job summary and the pull-request comment.
import * as core from '../runner/core.js'
import type { RunContext } from '../github/context.js'
import { commentOnPullRequest } from '../github/pull-request-comment.js'
import { commentMarker, renderComment, renderReport } from '../render/comment.js'
import { writeJobSummary } from '../render/job-summary.js'
import type { PipelineResult } from '../pipeline/pipeline.js'
import { imageRef, type BuildReport } from '../pipeline/report.js'
import type { BuildSettings } from '../settings/build.js'
import { untrustedText } from '../log/untrusted-text.js'

/**
 * Outputs, summary and comment, whatever the outcome, a bug included; then the step fails with the
 * pipeline's own error, kind, status and code intact.
 */
export async function publish(
  settings: Pick<BuildSettings, 'comment' | 'githubToken'>,
  context: RunContext,
  result: PipelineResult
): Promise<void> {
  const { report } = result
  setOutputs(report, result.imageId)
  await writeSummary(report)
  const commentUrl = settings.comment
    ? await commentOnPullRequest(
        context,
        settings.githubToken,
        commentMarker(report.image),
        renderComment(report)
      )
    : ''
  core.setOutput('comment-url', commentUrl)
  if (report.failure !== undefined) throw report.failure
  const where =
    report.digest === undefined
      ? `${report.image}:${report.shaTag}`
      : `${report.image}@${untrustedText(report.digest)}`
  core.info(
    `${report.outcome === 'reused' ? 'Reused' : report.outcome === 'pushed' ? 'Pushed' : 'Built'} ${where} (commit ${report.sha})`
  )
}

export function setOutputs(report: BuildReport, imageId: string | undefined): void {
  core.setOutput('image', report.image)
  core.setOutput('tag', report.pushedByDigest === true ? '' : report.shaTag)
  core.setOutput('tags', report.tags.join('\n'))
  core.setOutput('digest', report.digest ?? '')
  core.setOutput('ref', imageRef(report) ?? '')
  core.setOutput('image-id', imageId ?? '')
  core.setOutput('test-result', testResultOutput(report))
  core.setOutput('smoke-test-result', smokeTestResultOutput(report))
  core.setOutput('pushed', String(pushedByThisRun(report)))
}

/** Pushed, or pushed under the SHA tag before a later step (an extra tag) failed. */
export function pushedByThisRun(report: BuildReport): boolean {
  return report.outcome === 'pushed' || (report.outcome === 'failed' && report.digest !== undefined)
}

/**
 * A reused image's result is what its test record says; `not-tested` when it has none. A failed
 * smoke test fails it too: a workflow that checks only test-result must not take the image as good.
 */
export function testResultOutput(report: BuildReport): string {
  if (report.smokeTest?.result === 'failed') return 'failed'
  if (report.outcome !== 'reused' || report.test.result !== 'skipped') return report.test.result
  return report.recordedTest?.result ?? 'not-tested'
}

/** The smoke test's result, or for a reused image what its test record says. */
export function smokeTestResultOutput(report: BuildReport): string {
  if (report.smokeTest !== undefined) return report.smokeTest.result
  if (report.outcome !== 'reused' || report.test.result !== 'skipped') return 'skipped'
  if (report.recordedTest === undefined) return 'not-tested'
  return report.recordedTest.smokeTest ?? 'skipped'
}

export function writeSummary(report: BuildReport): Promise<void> {
  return writeJobSummary(renderReport(report))
}
