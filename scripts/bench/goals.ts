// Issue 14's goals, each judged met or missed from one run's measurements, with the ratio it was judged on.
import {
  CURL_FLOOR,
  OUR_PROMOTE,
  OUR_PROMOTE_UNRECORDED,
  SKOPEO,
  type PartialBenchResults,
  type Promoter,
  type PromotionRow
} from './results.js'
import { median, ratio } from './stats.js'

export type Verdict = 'met' | 'missed' | 'not measured'

export interface GoalVerdict {
  readonly goal: string
  readonly verdict: Verdict
  /** What the verdict was judged on, e.g. `5mb-1 1.62×, 1gb-1 1.70×`. */
  readonly measured: string
}

export const COLD_START_LIMIT_MS = 35

export const times = (value: number): string => `${value.toFixed(2)}×`
export const milliseconds = (value: number): string => `${value.toFixed(0)} ms`

/** A ratio is judged as printed, to two decimals, so a printed 1.70× never misses a 1.7× limit. */
export const withinLimit = (value: number, limit: number): boolean =>
  Math.round(value * 100) / 100 <= limit

const judged = (goal: string, met: boolean, measured: string): GoalVerdict => ({
  goal,
  verdict: met ? 'met' : 'missed',
  measured
})

/** A goal whose part of the benchmark this run left out (BENCH_ONLY). */
const skipped = (goal: string): GoalVerdict => ({
  goal,
  verdict: 'not measured',
  measured: 'not measured in this run (BENCH_ONLY)'
})

function rowOf(rows: readonly PromotionRow[], image: string, tool: Promoter): PromotionRow {
  const row = rows.find((candidate) => candidate.image.name === image && candidate.tool === tool)
  if (row === undefined) throw new Error(`no ${tool} measurement for ${image}`)
  return row
}

/** Our promote against a baseline tool on every image: met when no ratio is above `limit`. */
function promoteAgainst(
  results: PartialBenchResults,
  goal: string,
  ours: Promoter,
  baseline: Promoter,
  limit: number
): GoalVerdict {
  if (results.promotion.length === 0) return skipped(goal)
  const ratios = results.promotion
    .filter((row) => row.tool === ours)
    .map((row) => ({
      image: row.image.name,
      ratio: ratio(row.median, rowOf(results.promotion, row.image.name, baseline).median)
    }))
  return judged(
    goal,
    ratios.length > 0 && ratios.every((entry) => withinLimit(entry.ratio, limit)),
    ratios.map((entry) => `${entry.image} ${times(entry.ratio)}`).join(', ')
  )
}

/** The two-curl floor of a manifest retag, which does not depend on the image: the median over images. */
export function curlFloor(results: PartialBenchResults): number {
  return median(results.promotion.filter((row) => row.tool === CURL_FLOOR).map((row) => row.median))
}

export function judgeGoals(results: PartialBenchResults): GoalVerdict[] {
  const coldStartGoal = `cold start of each bundle (process start to first log line): ≤ ${COLD_START_LIMIT_MS} ms`
  return [
    promoteAgainst(
      results,
      'promote, deployment recorded on the GitHub double: ≤ 2.0× the two-curl floor',
      OUR_PROMOTE,
      CURL_FLOOR,
      2.0
    ),
    promoteAgainst(
      results,
      'promote, deployment recorded on the GitHub double: ≤ 1.0× skopeo copy',
      OUR_PROMOTE,
      SKOPEO,
      1.0
    ),
    promoteAgainst(
      results,
      'promote with record: false: ≤ 1.7× the two-curl floor',
      OUR_PROMOTE_UNRECORDED,
      CURL_FLOOR,
      1.7
    ),
    results.coldStart.length === 0
      ? skipped(coldStartGoal)
      : judged(
          coldStartGoal,
          results.coldStart.every((row) => Math.round(row.median) <= COLD_START_LIMIT_MS),
          results.coldStart.map((row) => `${row.bundle} ${milliseconds(row.median)}`).join(', ') +
            (results.nodeAlone === undefined
              ? ''
              : ` (Node alone: ${milliseconds(results.nodeAlone)})`)
        ),
    ...pipelineGoals(results),
    buildCacheGoal(results)
  ]
}

const BUILD_CACHE_GOAL = 'cold engine with registry cache: ≤ 1.5× the warm-engine build'

function buildCacheGoal({ buildCache }: PartialBenchResults): GoalVerdict {
  if (buildCache === undefined) return skipped(BUILD_CACHE_GOAL)
  const cold = ratio(buildCache.coldWithCache.median, buildCache.warm.median)
  return judged(
    BUILD_CACHE_GOAL,
    withinLimit(cold, 1.5),
    `${times(cold)} (${milliseconds(buildCache.coldWithCache.median)} against ${milliseconds(buildCache.warm.median)}; without the cache ${milliseconds(buildCache.coldWithoutCache.median)})`
  )
}

const PIPELINE_GOAL = 'core action on examples/hello: ≤ 1.10× a plain docker build/run/push script'
const RERUN_REQUESTS_GOAL = 're-run of an existing SHA: ≤ 3 registry requests'
const RERUN_FLOOR_GOAL = 're-run of an existing SHA: ≤ 2.0× the two-curl floor'

function pipelineGoals(results: PartialBenchResults): GoalVerdict[] {
  const { pipeline } = results
  if (pipeline === undefined) {
    return [skipped(PIPELINE_GOAL), skipped(RERUN_REQUESTS_GOAL), skipped(RERUN_FLOOR_GOAL)]
  }
  const pipelineRatio = ratio(pipeline.ours.median, pipeline.script.median)
  const floor = results.promotion.length === 0 ? undefined : curlFloor(results)
  const rerunRatio = floor === undefined ? undefined : ratio(pipeline.rerun.median, floor)
  return [
    judged(
      PIPELINE_GOAL,
      withinLimit(pipelineRatio, 1.1),
      `${times(pipelineRatio)} (${milliseconds(pipeline.ours.median)} against ${milliseconds(pipeline.script.median)}; ${times(ratio(pipeline.ours.median, pipeline.legacyScript.median))} the legacy builder's ${milliseconds(pipeline.legacyScript.median)})`
    ),
    judged(
      RERUN_REQUESTS_GOAL,
      pipeline.rerun.requests <= 3,
      `${pipeline.rerun.requests} requests`
    ),
    floor === undefined || rerunRatio === undefined
      ? skipped(RERUN_FLOOR_GOAL)
      : judged(
          RERUN_FLOOR_GOAL,
          withinLimit(rerunRatio, 2.0),
          `${times(rerunRatio)} (${milliseconds(pipeline.rerun.median)} against ${milliseconds(floor)})`
        )
  ]
}

/** The verdicts as aligned plain-text lines for the terminal. */
export function goalsForTerminal(verdicts: readonly GoalVerdict[]): string {
  const goalWidth = Math.max(...verdicts.map((entry) => entry.goal.length))
  const verdictWidth = Math.max(...verdicts.map((entry) => entry.verdict.length))
  return verdicts
    .map(
      (entry) =>
        `${entry.goal.padEnd(goalWidth)}  ${entry.verdict.toUpperCase().padEnd(verdictWidth)}  ${entry.measured}`
    )
    .join('\n')
}
