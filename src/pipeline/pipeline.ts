// The build, test and push of one commit's image, as a report of what happened.
import * as core from '../runner/core.js'
import type { Docker } from '../docker/docker.js'
import { ActionError, asError } from '../errors.js'
import type { RunContext } from '../github/context.js'
import { openRepository } from '../registry/open-repository.js'
import { parseTag, repositoryName, type Digest, type Tag } from '../registry/reference.js'
import type { ImageRepository } from '../registry/repository.js'
import type { BuildSettings } from '../settings/build.js'
import { buildImage, dropRunTags, ociLabels, reclaimTag, type BuiltImage } from './image-build.js'
import { checkBeforeBuild } from './before-build.js'
import { pushByDigest } from './digest-push.js'
import { EngineCheck } from './engine-check.js'
import { pushExtraTags, pushShaTag } from './image-push.js'
import {
  ENGINE_PLATFORM_ONLY,
  platformPlan,
  testOnPlatforms,
  type PlatformPlan
} from './platform-plan.js'
import { loggedInEngine, removeLogin } from './registry-login.js'
import { testImage } from './image-test.js'
import { settleRemovals } from './test-containers.js'
import { testFailureMessage } from './test-failure.js'
import { requireTestNetwork } from './test-network.js'
import {
  TESTS_NOT_REACHED,
  type BuildReport,
  type RecordedTest,
  type SmokeTestReport,
  type TestReport
} from './report.js'
import { shaTag, type Revision } from './revision.js'
import { ShaTagLookup, type ReusableImage, type ShaTagGuess } from './sha-tag-lookup.js'
import { smokeTestShipped } from './smoke-test.js'
import { imageToTest } from './test-stage-image.js'
import { reusedImageRecord, startReadingRecord } from './test-record.js'
import { recordTests, stageTestRecord } from './staged-record.js'
import { untrustedText } from '../log/untrusted-text.js'
import { pipelineResult, type PipelineResult, type PipelineState } from './pipeline-result.js'

export type { PipelineResult } from './pipeline-result.js'

export class BuildPipeline {
  private readonly tag: Tag
  private readonly reference: string
  private readonly lookup: ShaTagLookup
  private built: BuiltImage | undefined
  /** The test stage's image, made only to run the tests in and removed at the end. */
  private testStage: BuiltImage | undefined
  private test: TestReport = TESTS_NOT_REACHED
  private smoke: SmokeTestReport | undefined
  private recordedTest: RecordedTest | undefined
  private loggedIn: Promise<Docker> | undefined
  /** What this run put in the registry so far: a failure after the SHA tag's push must say so. */
  private pushed: { digest: Digest; tags: string[] } | undefined
  private platforms: PlatformPlan = ENGINE_PLATFORM_ONLY
  private droppingRunTags: Promise<void> | undefined
  private readonly warnings: string[]
  private readonly engine: Docker

  private constructor(
    private readonly settings: BuildSettings,
    private readonly context: RunContext,
    private readonly revision: Revision,
    private readonly check: EngineCheck,
    private readonly registry: ImageRepository,
    guess: ShaTagGuess | undefined
  ) {
    this.engine = check.docker
    this.warnings = [...revision.warnings]
    this.tag = parseTag(shaTag(revision.sha, settings.shaFormat))
    this.reference = `${repositoryName(settings.image)}:${this.tag}`
    const wanted = { reference: this.reference, sha: revision.sha }
    this.lookup = new ShaTagLookup(registry, settings, this.tag, wanted, guess)
  }

  static async create(
    settings: BuildSettings,
    context: RunContext,
    revision: Revision,
    engine: Docker | EngineCheck,
    opened?: { registry: Promise<ImageRepository>; guess: ShaTagGuess | undefined }
  ): Promise<BuildPipeline> {
    const registry = await (opened?.registry ?? openRepository(settings.image, settings))
    const check = engine instanceof EngineCheck ? engine : new EngineCheck(engine, settings.buildx)
    return new BuildPipeline(settings, context, revision, check, registry, opened?.guess)
  }

  /**
   * Runs to the end; whatever is thrown, a bug too, becomes the report's `failure`, kept as the
   * error it is, so the outputs, summary and comment are still written before the step fails.
   */
  async run(): Promise<PipelineResult> {
    try {
      return await this.steps()
    } catch (error) {
      const { digest, tags } = this.pushed ?? { digest: undefined, tags: [] }
      return this.result('failed', digest, [...tags], asError(error))
    } finally {
      await settleRemovals()
      await (this.droppingRunTags ?? this.dropRunTags())
      const loggedIn = await this.loggedIn?.catch(() => undefined)
      if (loggedIn !== undefined) await removeLogin(loggedIn)
    }
  }

  private async dropRunTags(): Promise<void> {
    await dropRunTags(() => this.docker(), [this.testStage, this.built])
  }

  private async steps(): Promise<PipelineResult> {
    // By digest, the SHA tag is the merged index's, never this platform's image.
    const byDigest = this.settings.pushByDigest
    const existing = byDigest ? undefined : await this.lookup.existing('before building')
    if (existing !== undefined) {
      core.info(
        `${this.reference} is already in the registry at ${untrustedText(existing.digest)}: reusing it, nothing is rebuilt.`
      )
      return this.reuse(existing)
    }
    // The login runs while the engine is probed: neither needs the other's answer. With no lookup
    // to prove the credentials, a look at the SHA tag does, before anything is built.
    this.docker().catch(() => undefined)
    // The commit time the labels need may start git: it runs while the engine is checked.
    const labelling = ociLabels(this.settings, this.revision, this.context.repositoryUrl)
    const warning = await checkBeforeBuild({
      engine: this.check,
      credentialsProof:
        this.lookup.asksRegistry || !this.settings.push
          ? undefined
          : this.registry.resolve(this.tag),
      context: this.settings.context,
      sha: this.revision.sha
    })
    if (warning !== undefined) this.warnings.push(warning)
    await requireTestNetwork(this.engine, this.settings.test)
    const labels = await labelling
    this.platforms = await platformPlan(this.engine, this.settings.buildx.platforms)
    const built = await core.group(`Build ${this.reference}`, async () =>
      buildImage(await this.docker(), this.settings, this.reference, labels, this.platforms.built)
    )
    this.built = built
    core.info(`Built ${untrustedText(built.id)}`)
    if (this.settings.test.command === undefined) {
      core.warning(
        `No test-command given: the image is not tested${this.settings.push ? ' and is pushed untested' : ''}.`
      )
    }
    const tested = await imageToTest(
      () => this.docker(),
      this.settings,
      { built, reference: this.reference },
      labels,
      this.platforms
    )
    this.testStage = tested.testStage
    this.test = await core.group(`Test inside ${tested.name}`, async () => {
      const docker = await this.docker()
      return testOnPlatforms(this.platforms, this.settings.test, (test) =>
        testImage(docker, tested.id, this.settings.testTarget?.stage, test)
      )
    })
    if (this.test.result === 'failed') {
      const failure = new ActionError(testFailureMessage(this.test, this.settings.test))
      return this.result('test-failed', undefined, [], failure)
    }
    const smoke = await smokeTestShipped(
      () => this.docker(),
      built.id,
      this.settings.test,
      this.platforms,
      this.reference
    )
    this.smoke = smoke.report
    if (smoke.failure !== undefined)
      return this.result('smoke-test-failed', undefined, [], smoke.failure)
    if (!this.settings.push) {
      await reclaimTag(await this.docker(), built, this.reference)
      return this.result('built', undefined, [], undefined)
    }
    // The record tells of the tests alone: it is made now, and its blobs go while the image does.
    const record = stageTestRecord(
      this.registry,
      this.result('pushed', undefined, [], undefined).report,
      this.testStage?.id ?? built.id
    )
    if (byDigest) {
      const manifest = await core.group(`Push ${this.reference} by digest`, async () =>
        pushByDigest(await this.docker(), this.registry, built)
      )
      const result = this.result('pushed', manifest.digest, [], undefined)
      await recordTests(this.registry, record, manifest.digest, manifest)
      return result
    }
    // Another run of the same commit may have pushed while this one built and tested. The local
    // SHA tag is given back meanwhile: it names what this run built whatever the registry says.
    const reclaimed = this.docker().then((docker) => reclaimTag(docker, built, this.reference))
    reclaimed.catch(() => undefined)
    const pushedMeanwhile = await this.lookup.existing('before pushing')
    if (pushedMeanwhile !== undefined) {
      core.info(
        `${this.reference} was pushed by another run meanwhile (${untrustedText(pushedMeanwhile.digest)}): reusing it.`
      )
      await reclaimed.catch(() => undefined)
      return this.reuse(pushedMeanwhile)
    }
    const pushed = await core.group(`Push ${this.reference}`, async () => {
      const docker = await this.docker()
      await reclaimed
      // The SHA tag names the image now: its run tags go while it is pushed.
      this.droppingRunTags = this.dropRunTags()
      this.droppingRunTags.catch(() => undefined)
      return pushShaTag(docker, this.registry, this.settings.image, this.tag)
    })
    if (!pushed.ours) {
      // Both runs built the same commit; the tag must name one image, so the registry's wins.
      await this.lookup.requireThisCommit(pushed.digest)
      core.warning(
        `Another run of this commit pushed ${this.reference} at the same time: using its ${pushed.digest}.`
      )
      return this.reuse({ digest: pushed.digest })
    }
    const { digest } = pushed
    const ours = { digest, tags: [this.reference] }
    this.pushed = ours
    await core.group('Push extra tags', () => this.pushExtraTags(digest, this.reference, ours.tags))
    const result = this.result('pushed', digest, [...ours.tags], undefined)
    await recordTests(this.registry, record, digest, pushed.manifest)
    return result
  }

  private async reuse(existing: ReusableImage): Promise<PipelineResult> {
    const record =
      existing.record ?? startReadingRecord(this.registry, existing.digest, this.revision.sha)
    const extra = await this.pushExtraTags(existing.digest, undefined)
    this.recordedTest = await reusedImageRecord(record, this.reference)
    return this.result('reused', existing.digest, [this.reference, ...extra], undefined)
  }

  private pushExtraTags(
    digest: Digest,
    localImage: string | undefined,
    pushed: string[] = []
  ): Promise<string[]> {
    return pushExtraTags(
      () => this.docker(),
      this.registry,
      this.settings.image,
      this.tag,
      digest,
      this.settings.extraTags,
      localImage,
      pushed
    )
  }

  /** Logs in only when docker needs the registry: a re-run that reuses the SHA tag never does. */
  private docker(): Promise<Docker> {
    this.loggedIn ??= loggedInEngine(this.engine, this.settings)
    return this.loggedIn
  }

  private result(
    outcome: BuildReport['outcome'],
    digest: string | undefined,
    tags: string[],
    failure: Error | undefined
  ): PipelineResult {
    const state: PipelineState = {
      settings: this.settings,
      shaTag: this.tag,
      sha: this.revision.sha,
      runUrl: this.context.runUrl,
      built: this.built,
      test: this.test,
      recordedTest: this.recordedTest,
      smokeTest: this.smoke,
      platforms: this.platforms,
      warnings: this.warnings
    }
    return pipelineResult(state, outcome, digest, tags, failure)
  }
}
