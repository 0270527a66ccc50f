// The root action: build the image, test inside it, push it only if the tests pass, report the digest.
import * as core from '@actions/core'
import { Docker } from '../docker/docker.js'
import { ActionError } from '../errors.js'
import { failStep } from '../fail-step.js'
import { readCheckout } from '../git/checkout.js'
import { runContext, type RunContext } from '../github/context.js'
import { getBuildSettings, type BuildSettings } from '../settings/build.js'
import { markMainRan } from '../state.js'
import { BuildPipeline, type PipelineResult } from '../pipeline/pipeline.js'
import { cancelTests } from '../pipeline/image-test.js'
import { commentOnPullRequest, setOutputs, writeSummary } from './publish.js'
import { chooseRevision } from '../pipeline/revision.js'
import { untrustedText } from '../log/untrusted-text.js'

export async function run(): Promise<void> {
  markMainRan()
  // The runner cancels a step with SIGINT, then SIGTERM: the test container must not outlive it.
  process.on('SIGINT', () => void cancelTests('SIGINT'))
  process.on('SIGTERM', () => void cancelTests('SIGTERM'))
  try {
    const settings = getBuildSettings()
    const context = runContext()
    const docker = new Docker()
    await core.group('Docker engine', async () => {
      core.info(`Engine ${untrustedText(await docker.ensureEngine())}`)
    })
    const revision = chooseRevision(await readCheckout(settings.context), context, new Date())
    for (const warning of revision.warnings) core.warning(warning)
    const pipeline = await BuildPipeline.create(settings, context, revision, docker)
    await publish(settings, context, await pipeline.run())
  } catch (error) {
    failStep(error)
  }
}

/** Outputs, summary and comment, whatever the outcome; then the step fails if the build did. */
async function publish(
  settings: BuildSettings,
  context: RunContext,
  result: PipelineResult
): Promise<void> {
  const { report } = result
  setOutputs(report, result.imageId)
  await writeSummary(report)
  const commentUrl = settings.comment
    ? await commentOnPullRequest(report, context, settings.githubToken)
    : ''
  core.setOutput('comment-url', commentUrl)
  if (report.failure !== undefined) throw new ActionError(report.failure)
  const where =
    report.digest === undefined
      ? `${report.image}:${report.shaTag}`
      : `${report.image}@${untrustedText(report.digest)}`
  core.info(
    `${report.outcome === 'reused' ? 'Reused' : report.outcome === 'pushed' ? 'Pushed' : 'Built'} ${where} (commit ${report.sha})`
  )
}
