// A benchmark run's results made to order, for the goal, report and chart tests.
import { BENCH_IMAGES } from '../../scripts/bench/images.js'
import {
  PROMOTERS,
  type BenchResults,
  type Promoter,
  type PromotionRow
} from '../../scripts/bench/results.js'
import type { StartProfile } from '../../scripts/bench/profile.js'
import type { Summary } from '../../scripts/bench/stats.js'

export const summary = (median: number, requests = 2, bytes = 1000): Summary => ({
  median,
  min: median - 1,
  max: median + 1,
  requests,
  bytes,
  runs: 5
})

export const startProfile: StartProfile = {
  Node: 9,
  'built-in modules': 5,
  compiling: 2,
  'bundle code': 3,
  GC: 1,
  total: 20
}

/** Every tool on every image, each at the median `medians` gives it (the floor at 30 ms). */
export function promotionRows(medians: Partial<Record<Promoter, number>> = {}): PromotionRow[] {
  const defaults: Record<Promoter, number> = {
    'immutable-image promote': 55,
    'immutable-image promote (record: false)': 45,
    'minimal node:http promote (reference)': 40,
    'skopeo copy': 60,
    'docker pull + tag + push': 900,
    'curl floor (GET + PUT)': 30
  }
  return BENCH_IMAGES.flatMap((image) =>
    PROMOTERS.map((tool) => ({ image, tool, ...summary(medians[tool] ?? defaults[tool]) }))
  )
}

/** A run that meets every goal it can measure, changed by `overrides`. */
export function benchResults(overrides: Partial<BenchResults> = {}): BenchResults {
  return {
    date: '2026-11-25',
    runs: 5,
    promotion: promotionRows(),
    coldStart: [
      { bundle: 'dist/build/index.js', median: 30, bytes: 1_380_000, profile: startProfile },
      { bundle: 'dist/promote/index.js', median: 25, bytes: 1_350_000, profile: startProfile }
    ],
    nodeAlone: 20,
    pipeline: {
      ours: summary(1050, 20),
      script: summary(1000, 19),
      legacyScript: summary(900, 19),
      rerun: summary(50, 2)
    },
    buildCache: {
      warm: summary(10_000),
      coldWithCache: summary(14_000),
      coldWithoutCache: summary(30_000)
    },
    ...overrides
  }
}
