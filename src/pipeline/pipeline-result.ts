// What a pipeline reports when it ends: the outcome it reached, with everything it learnt on the way.
import { repositoryName, type Tag } from '../registry/reference.js'
import type { BuildSettings } from '../settings/build.js'
import { builtImageFacts, type BuiltImage } from './image-build.js'
import { platformOutcomes, type PlatformPlan } from './platform-plan.js'
import type { BuildReport, RecordedTest, SmokeTestReport, TestReport } from './report.js'

export interface PipelineResult {
  readonly report: BuildReport
  readonly imageId: string | undefined
}

/** What the pipeline knows at the moment it reports. */
export interface PipelineState {
  readonly settings: BuildSettings
  readonly shaTag: Tag
  readonly sha: string
  readonly runUrl: string
  readonly built: BuiltImage | undefined
  readonly test: TestReport
  readonly recordedTest: RecordedTest | undefined
  readonly smokeTest: SmokeTestReport | undefined
  readonly platforms: PlatformPlan
  readonly warnings: readonly string[]
}

export function pipelineResult(
  state: PipelineState,
  outcome: BuildReport['outcome'],
  digest: string | undefined,
  tags: string[],
  failure: Error | undefined
): PipelineResult {
  const { settings, built } = state
  return {
    report: {
      outcome,
      image: repositoryName(settings.image),
      shaTag: state.shaTag,
      sha: state.sha,
      digest,
      tags,
      test: state.test,
      recordedTest: state.recordedTest,
      smokeTest: state.smokeTest,
      ...builtImageFacts(built),
      platforms: platformOutcomes(state.platforms, state.test),
      pushedByDigest: settings.pushByDigest && outcome === 'pushed',
      warnings: state.warnings,
      failure,
      runUrl: state.runUrl
    },
    imageId: built?.id
  }
}
