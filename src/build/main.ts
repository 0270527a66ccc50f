// The root action: build the image, test inside it, push it only if the tests pass, report the digest.
import * as core from '@actions/core'
import { Docker } from '../docker/docker.js'
import { createDockerConfig, login } from '../docker/config.js'
import { ActionError, getErrorMessage, isExpected } from '../errors.js'
import { readCheckout } from '../git/checkout.js'
import { runContext, type RunContext } from '../github/context.js'
import { RegistryClient, type ManifestDescriptor } from '../registry/client.js'
import { RegistryError } from '../registry/errors.js'
import { repositoryName } from '../registry/reference.js'
import { TESTS_NOT_RUN, type BuildReport, type TestReport } from '../render/report.js'
import { getBuildSettings, type BuildSettings } from '../settings/build.js'
import { resolveRegistryCredentials } from '../settings/registry-auth.js'
import { failStep } from '../fail-step.js'
import { dockerConfigDir } from '../registry/credentials.js'
import { markMainRan, saveDockerConfigDir } from '../state.js'
import { buildImage, ociLabels, type BuiltImage } from './image-build.js'
import { pushExtraTags, pushShaTag } from './image-push.js'
import { testImage } from './image-test.js'
import { commentOnPullRequest, setOutputs, writeSummary } from './report-out.js'
import { chooseRevision, shaTag, type Revision } from './revision.js'

export async function run(): Promise<void> {
  markMainRan()
  try {
    const settings = getBuildSettings()
    const context = runContext()
    const docker = new Docker()
    await core.group('Docker engine', async () => {
      core.info(`Engine ${await docker.ensureEngine()}`)
    })
    const revision = chooseRevision(await readCheckout(settings.context), context, new Date())
    for (const warning of revision.warnings) core.warning(warning)
    await publish(settings, context, revision, await pipeline(settings, context, revision, docker))
  } catch (error) {
    failStep(error)
  }
}

interface PipelineResult {
  readonly report: BuildReport
  readonly imageId: string | undefined
}

async function pipeline(
  settings: BuildSettings,
  context: RunContext,
  revision: Revision,
  baseDocker: Docker
): Promise<PipelineResult> {
  const image = repositoryName(settings.image)
  const tag = shaTag(revision.sha, settings.shaFormat)
  const reference = `${image}:${tag}`
  const base = {
    image,
    shaTag: tag,
    sha: revision.sha,
    warnings: revision.warnings,
    runUrl: context.runUrl
  }
  let built: BuiltImage | undefined
  let test: TestReport = TESTS_NOT_RUN
  try {
    // Log in only when docker needs the registry: a re-run that reuses the SHA tag never does.
    let login: Promise<Docker> | undefined
    const docker = (): Promise<Docker> => (login ??= loggedIn(settings, baseDocker))
    const registry = new RegistryClient(settings.image.registry, {
      access: 'push',
      credentials: await resolveRegistryCredentials(settings, settings.image.registry)
    })

    const existingTag = async (when: string): Promise<ManifestDescriptor | undefined> => {
      if (!settings.push || settings.ifExists === 'overwrite') return undefined
      const existing = await core.group(`Look for ${reference} ${when}`, () =>
        registry.resolve(settings.image.path, tag)
      )
      if (existing !== undefined && settings.ifExists === 'fail') {
        throw new ActionError(
          `${reference} already exists (${existing.digest}) and if-exists is 'fail'`
        )
      }
      return existing
    }
    const reuse = async (existing: ManifestDescriptor): Promise<PipelineResult> => {
      const extra = await pushExtraTags(
        docker,
        registry,
        settings.image,
        tag,
        existing.digest,
        settings.extraTags,
        undefined
      )
      const facts = built === undefined ? unknownImage : imageFacts(built)
      return {
        report: {
          ...base,
          ...facts,
          outcome: 'reused',
          digest: existing.digest,
          tags: [reference, ...extra],
          test,
          failure: undefined
        },
        imageId: built?.id
      }
    }

    const existing = await existingTag('before building')
    if (existing !== undefined) {
      core.info(
        `${reference} is already in the registry at ${existing.digest}: reusing it, nothing is rebuilt.`
      )
      return await reuse(existing)
    }

    built = await core.group(`Build ${reference}`, async () =>
      buildImage(
        await docker(),
        settings,
        reference,
        ociLabels(settings, revision, context.repositoryUrl)
      )
    )
    const imageId = built.id
    core.info(`Built ${imageId}`)
    if (settings.test.command === undefined)
      core.warning('No test-command given: the image is pushed untested.')
    test = await core.group(`Test inside ${reference}`, async () =>
      testImage(await docker(), imageId, settings.test)
    )
    if (test.result === 'failed') {
      const why = test.timedOut
        ? `timed out after ${settings.test.timeoutSeconds} s`
        : `failed with exit code ${test.exitCode ?? '?'}`
      return failed(
        { ...base, ...imageFacts(built), test },
        `the tests ${why}: nothing was pushed`,
        'test-failed',
        built.id
      )
    }
    if (!settings.push) {
      return {
        report: {
          ...base,
          ...imageFacts(built),
          outcome: 'built',
          digest: undefined,
          tags: [],
          test,
          failure: undefined
        },
        imageId
      }
    }
    // Another run of the same commit may have pushed while this one built and tested.
    const pushedMeanwhile = await existingTag('before pushing')
    if (pushedMeanwhile !== undefined) {
      core.info(
        `${reference} was pushed by another run meanwhile (${pushedMeanwhile.digest}): reusing it.`
      )
      return await reuse(pushedMeanwhile)
    }
    const digest = await core.group(`Push ${reference}`, async () =>
      pushShaTag(await docker(), registry, settings.image, tag)
    )
    const extra = await core.group('Push extra tags', () =>
      pushExtraTags(docker, registry, settings.image, tag, digest, settings.extraTags, reference)
    )
    return {
      report: {
        ...base,
        ...imageFacts(built),
        outcome: 'pushed',
        digest,
        tags: [reference, ...extra],
        test,
        failure: undefined
      },
      imageId
    }
  } catch (error) {
    if (!isExpected(error) && !(error instanceof RegistryError)) throw error
    return failed(
      { ...base, ...(built ? imageFacts(built) : unknownImage), test },
      getErrorMessage(error),
      'failed',
      built?.id
    )
  }
}

const unknownImage = { sizeBytes: undefined, layers: undefined, buildDurationMs: undefined }

function imageFacts(
  built: BuiltImage
): Pick<BuildReport, 'sizeBytes' | 'layers' | 'buildDurationMs'> {
  return { sizeBytes: built.sizeBytes, layers: built.layers, buildDurationMs: built.durationMs }
}

function failed(
  partial: Omit<BuildReport, 'outcome' | 'digest' | 'tags' | 'failure'>,
  failure: string,
  outcome: 'test-failed' | 'failed',
  imageId: string | undefined
): PipelineResult {
  return { report: { ...partial, outcome, digest: undefined, tags: [], failure }, imageId }
}

/** With explicit credentials, log in through a Docker config of our own (removed in the post step). */
async function loggedIn(settings: BuildSettings, docker: Docker): Promise<Docker> {
  const credentials = settings.credentials
  if (credentials === undefined) return docker
  const configDir = await createDockerConfig(dockerConfigDir())
  saveDockerConfigDir(configDir)
  const own = docker.withConfig(configDir)
  await core.group(`Log in to ${settings.image.registry}`, () =>
    login(own, settings.image.registry, credentials)
  )
  return own
}

async function publish(
  settings: BuildSettings,
  context: RunContext,
  revision: Revision,
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
  core.info(
    `${report.outcome === 'reused' ? 'Reused' : report.outcome === 'pushed' ? 'Pushed' : 'Built'} ${report.digest === undefined ? `${report.image}:${report.shaTag}` : `${report.image}@${report.digest}`} (commit ${revision.sha})`
  )
}
