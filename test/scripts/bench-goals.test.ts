import { describe, expect, it } from 'vitest'
import { curlFloor, goalsForTerminal, judgeGoals } from '../../scripts/bench/goals.js'
import type { PartialBenchResults } from '../../scripts/bench/results.js'
import { benchResults, promotionRows, startProfile, summary } from './bench-results.js'

const verdictOf = (results: PartialBenchResults, goalStart: string): string | undefined =>
  judgeGoals(results).find((entry) => entry.goal.startsWith(goalStart))?.verdict

describe('judgeGoals', () => {
  it('meets every goal of a run within the limits', () => {
    expect(judgeGoals(benchResults()).map((entry) => entry.verdict)).toEqual([
      'met',
      'met',
      'met',
      'met',
      'met',
      'met',
      'met',
      'met'
    ])
  })

  it('says a goal whose part the run left out (BENCH_ONLY) is not measured', () => {
    const coldStartOnly = {
      ...benchResults(),
      promotion: [],
      pipeline: undefined,
      buildCache: undefined
    }
    expect(judgeGoals(coldStartOnly).map((entry) => entry.verdict)).toEqual([
      'not measured',
      'not measured',
      'not measured',
      'met',
      'not measured',
      'not measured',
      'not measured',
      'not measured'
    ])
  })

  it('judges the re-run requests without the promote part, but not its ratio to the floor', () => {
    const pipelineOnly = { ...benchResults(), promotion: [], coldStart: [] }
    expect(verdictOf(pipelineOnly, 're-run of an existing SHA: ≤ 3 registry requests')).toBe('met')
    expect(verdictOf(pipelineOnly, 're-run of an existing SHA: ≤ 2.0×')).toBe('not measured')
  })

  it.each([
    ['promote, deployment recorded on the GitHub double: ≤ 2.0× the two-curl floor', 61, 'missed'],
    ['promote, deployment recorded on the GitHub double: ≤ 2.0× the two-curl floor', 60, 'met'],
    ['promote, deployment recorded on the GitHub double: ≤ 1.0× skopeo copy', 61, 'missed']
  ])(
    'judges "%s" with promote at %d ms against a 30 ms floor and 60 ms skopeo: %s',
    (goal, ms, verdict) => {
      const results = benchResults({ promotion: promotionRows({ 'immutable-image promote': ms }) })
      expect(verdictOf(results, goal)).toBe(verdict)
    }
  )

  it('lists the ratio of every image for a promote goal', () => {
    const results = benchResults({ promotion: promotionRows({ 'immutable-image promote': 66 }) })
    expect(judgeGoals(results)[0]?.measured).toBe(
      '5mb-1 2.20×, 5mb-20 2.20×, 200mb-1 2.20×, 200mb-20 2.20×, 1gb-1 2.20×'
    )
  })

  it.each([
    [51, 'met'],
    [52, 'missed']
  ])(
    'judges promote with record: false at %d ms against ≤ 1.7× a 30 ms floor: %s',
    (ms, verdict) => {
      const results = benchResults({
        promotion: promotionRows({ 'immutable-image promote (record: false)': ms })
      })
      expect(verdictOf(results, 'promote with record: false')).toBe(verdict)
    }
  )

  it('misses the cold-start goal when one bundle is over 35 ms, naming each bundle and Node alone', () => {
    const results = benchResults({
      coldStart: [
        { bundle: 'dist/build/index.js', median: 35, bytes: 1, profile: startProfile },
        { bundle: 'dist/promote/index.js', median: 36, bytes: 1, profile: startProfile }
      ]
    })
    const goal = judgeGoals(results).find((entry) => entry.goal.startsWith('cold start'))
    expect(goal).toMatchObject({
      verdict: 'missed',
      measured: 'dist/build/index.js 35 ms, dist/promote/index.js 36 ms (Node alone: 20 ms)'
    })
  })

  it('misses the pipeline goal when its ratio, to two decimals, is above 1.10×', () => {
    const pipeline = {
      ours: summary(1104),
      script: summary(1000),
      legacyScript: summary(900),
      rerun: summary(50, 2)
    }
    expect(verdictOf(benchResults({ pipeline }), 'core action')).toBe('met')
    const slower = { ...pipeline, ours: summary(1106) }
    expect(verdictOf(benchResults({ pipeline: slower }), 'core action')).toBe('missed')
  })

  it('judges the pipeline against the default BuildKit script, naming the legacy one too', () => {
    const pipeline = {
      ours: summary(1100),
      script: summary(1000),
      legacyScript: summary(500),
      rerun: summary(50, 2)
    }
    const goal = judgeGoals(benchResults({ pipeline })).find((entry) =>
      entry.goal.startsWith('core action')
    )
    expect(goal).toMatchObject({
      verdict: 'met',
      measured: "1.10× (1100 ms against 1000 ms; 2.20× the legacy builder's 500 ms)"
    })
  })

  it('judges the re-run on its registry requests and against the floor', () => {
    const pipeline = {
      ours: summary(1000),
      script: summary(1000),
      legacyScript: summary(800),
      rerun: summary(61, 4)
    }
    const goals = judgeGoals(benchResults({ pipeline }))
    expect(goals.find((entry) => entry.goal.includes('≤ 3 registry requests'))).toMatchObject({
      verdict: 'missed',
      measured: '4 requests'
    })
    expect(
      goals.find((entry) => entry.goal.startsWith('re-run of an existing SHA: ≤ 2.0×'))
    ).toMatchObject({
      verdict: 'missed',
      measured: '2.03× (61 ms against 30 ms)'
    })
  })

  it.each([
    [15_000, 'met'],
    [15_060, 'missed']
  ])(
    'judges a cold engine with the registry cache at %d ms against a 10 s warm build: %s',
    (coldWithCache, verdict) => {
      const buildCache = {
        warm: summary(10_000),
        coldWithCache: summary(coldWithCache),
        coldWithoutCache: summary(30_000)
      }
      const goal = judgeGoals(benchResults({ buildCache })).at(-1)
      expect(goal?.verdict).toBe(verdict)
      expect(goal?.measured).toContain('against 10000 ms; without the cache 30000 ms')
    }
  )
})

describe('curlFloor', () => {
  it('is the median of the floor over the images', () => {
    const floors = [25, 21, 40, 22, 30]
    let image = 0
    const rows = promotionRows().map((row) =>
      row.tool === 'curl floor (GET + PUT)' ? { ...row, median: floors[image++] ?? 0 } : row
    )
    expect(curlFloor(benchResults({ promotion: rows }))).toBe(25)
  })
})

describe('goalsForTerminal', () => {
  it('prints one aligned line per goal with its verdict in capitals', () => {
    const text = goalsForTerminal([
      { goal: 'short goal', verdict: 'met', measured: '1.00×' },
      { goal: 'a longer goal', verdict: 'missed', measured: '3.00×' }
    ])
    expect(text).toBe('short goal     MET     1.00×\na longer goal  MISSED  3.00×')
  })
})
