// What one benchmark run measured: the values the goals, the report and the chart are computed from.
import type { StartProfile } from './profile.js'
import type { Summary } from './stats.js'

/** Builds are slow and steadier than a start: five rounds after a warm-up. */
export const PIPELINE_RUNS = 5

/** A start is tens of milliseconds and at the mercy of the machine: four times BENCH_RUNS. */
export const COLD_START_RUNS_PER_RUN = 4

/** The tools that move a tag, in the order the tables and the chart list them. */
export const PROMOTERS = [
  'immutable-image promote',
  'immutable-image promote (record: false)',
  'minimal node:http promote (reference)',
  'skopeo copy',
  'docker pull + tag + push',
  'curl floor (GET + PUT)'
] as const

export type Promoter = (typeof PROMOTERS)[number]

export const OUR_PROMOTE: Promoter = 'immutable-image promote'
export const OUR_PROMOTE_UNRECORDED: Promoter = 'immutable-image promote (record: false)'
export const MINIMAL_PROMOTE: Promoter = 'minimal node:http promote (reference)'
export const SKOPEO: Promoter = 'skopeo copy'
export const CURL_FLOOR: Promoter = 'curl floor (GET + PUT)'

/** An image of `megabytes` of incompressible data in `layers` layers. */
export interface BenchImage {
  readonly name: string
  readonly megabytes: number
  readonly layers: number
}

export interface PromotionRow extends Summary {
  readonly image: BenchImage
  readonly tool: Promoter
}

/** What Node alone is timed on: printing one line, as a bundle is timed to its first log line. */
export const NODE_ALONE = "node -e 'console.log(0)'"

export interface ColdStartRow {
  /** The bundle's script, relative to the project root (dist/promote/index.js). */
  readonly bundle: string
  /** Median milliseconds from process start to the first line on stdout. */
  readonly median: number
  /** The bundle's JavaScript on disk: the entry and its chunks. */
  readonly bytes: number
  /** Where one start's time goes, by part: the median of a few profiled starts. */
  readonly profile: StartProfile
}

export interface PipelineResult {
  /** The core action: build, test inside, push, verify the digest, post step. */
  readonly ours: Summary
  /** `docker build` (BuildKit, the CLI's default with buildx), `docker run`, `docker push`. */
  readonly script: Summary
  /** The same with the legacy builder (`DOCKER_BUILDKIT=0`), for reference. */
  readonly legacyScript: Summary
  /** The core action again on a commit whose SHA tag exists (`if-exists: skip`). */
  readonly rerun: Summary
}

/** The core action on new commits of a fixture whose expensive step does not change. */
export interface BuildCacheResult {
  /** The engine still holds its build cache; cache-from and cache-to on the registry. */
  readonly warm: Summary
  /** After `docker builder prune -af`, as on a fresh runner, with the same registry cache. */
  readonly coldWithCache: Summary
  /** After the prune, with no cache inputs: the expensive step runs again. For reference. */
  readonly coldWithoutCache: Summary
}

export interface BenchResults {
  /** Day of the run, YYYY-MM-DD. */
  readonly date: string
  /** Runs per figure after the warm-up. */
  readonly runs: number
  readonly promotion: readonly PromotionRow[]
  readonly coldStart: readonly ColdStartRow[]
  /** Median ms of the runner's Node alone to its first line, taken in turn with the bundles. */
  readonly nodeAlone: number
  readonly pipeline: PipelineResult
  readonly buildCache: BuildCacheResult
}

/** A run limited to some parts: what it skipped is empty, or undefined. */
export type PartialBenchResults = Omit<BenchResults, 'pipeline' | 'buildCache' | 'nodeAlone'> & {
  readonly nodeAlone: number | undefined
  readonly pipeline: PipelineResult | undefined
  readonly buildCache: BuildCacheResult | undefined
}
