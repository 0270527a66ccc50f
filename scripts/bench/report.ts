// docs/BENCHMARKS.md from one run's results: the goals, the promotion and pipeline tables, cold start.
import { curlFloor, milliseconds, times, type GoalVerdict } from './goals.js'
import {
  COLD_START_RUNS_PER_RUN,
  CURL_FLOOR,
  NODE_ALONE,
  PIPELINE_RUNS,
  type BenchResults,
  type PromotionRow
} from './results.js'
import { PROFILE_PARTS } from './profile.js'
import { whereTheTimeGoes } from './where-the-time-goes.js'
import { ratio, type Summary } from './stats.js'

export const CHART_FILE = 'benchmarks-promote.svg'

const size = (bytes: number): string =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} KB`
const spread = (summary: Summary): string =>
  `${milliseconds(summary.median)} (${milliseconds(summary.min)}–${milliseconds(summary.max)})`
const VERDICT_CELL = { met: 'met', missed: '**missed**', 'not measured': 'not measured' } as const

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

function promotionTable(rows: readonly PromotionRow[]): string {
  const floorOf = (image: string): number =>
    rows.find((row) => row.image.name === image && row.tool === CURL_FLOOR)?.median ?? NaN
  return table(
    ['image', 'tool', 'wall time', '× floor', 'requests', 'bytes moved', 'runs'],
    rows.map((row) => [
      row.image.name,
      row.tool,
      spread(row),
      times(ratio(row.median, floorOf(row.image.name))),
      String(row.requests),
      size(row.bytes),
      String(row.runs)
    ])
  )
}

export function benchmarksMarkdown(results: BenchResults, goals: readonly GoalVerdict[]): string {
  const { pipeline, buildCache } = results
  return `# Benchmarks

Measured by \`npm run bench\` on ${results.date}, on this project's machine (2 cores), against the
local engine and CNCF registry that the tests use (loopback, htpasswd auth), every tool going
through the test harness's counting proxy so requests and bytes are comparable; our actions run
under the harness's runner emulation, the deployment recorded on its GitHub double. Each figure is
the median of ${results.runs} runs after one warm-up (2 for \`docker pull + tag + push\` of 1 GB,
${PIPELINE_RUNS} for the pipeline, ${results.runs * COLD_START_RUNS_PER_RUN} for a cold start), with the range in brackets; the promote tools take turns run by run. Requests and bytes are per run, as seen by the
registry. Our promote is timed from its process start to its exit; the core action from the start
of its main step to the end of its post step, as the runner runs it.

Reproduce: \`npm run bench\` (it brings up the engine and registry itself; \`BENCH_RUNS=N\` for more
runs).

## Goals

From issue 14, judged on this run.

${table(
  ['goal', 'verdict', 'measured'],
  goals.map((entry) => [entry.goal, VERDICT_CELL[entry.verdict], entry.measured])
)}

The two-curl floor is ${milliseconds(curlFloor(results))} (median over the images).

## Promotion: a same-repository retag

![promote time against image size](${CHART_FILE})

${promotionTable(results.promotion)}

## The build pipeline on examples/hello

${table(
  ['what', 'wall time', 'registry requests'],
  [
    [
      'immutable-image (build, test inside, push, verify digest, test record)',
      spread(pipeline.ours),
      String(pipeline.ours.requests)
    ],
    [
      'plain script (`docker build`, `docker run`, `docker push`), BuildKit as the CLI defaults to',
      spread(pipeline.script),
      String(pipeline.script.requests)
    ],
    [
      'the same plain script with the legacy builder (`DOCKER_BUILDKIT=0`)',
      spread(pipeline.legacyScript),
      String(pipeline.legacyScript.requests)
    ],
    [
      're-run of an existing SHA (`if-exists: skip`)',
      spread(pipeline.rerun),
      String(pipeline.rerun.requests)
    ]
  ]
)}

## A cold engine with a registry cache

The core action on new commits of a fixture whose dependency step (a \`sleep\` and 20 MB) does not
change, with \`cache-from\` and \`cache-to: type=registry,…,mode=max\` on the loopback registry.
Cold means after \`docker builder prune -af\`, as on a fresh runner. Median of
${buildCache.warm.runs} rounds after a warm-up, the three builds in turn.

${table(
  ['build', 'wall time'],
  [
    ['warm engine, registry cache', spread(buildCache.warm)],
    ['cold engine, registry cache', spread(buildCache.coldWithCache)],
    ['cold engine, no cache (for reference)', spread(buildCache.coldWithoutCache)]
  ]
)}

## Where the time goes, and what is left

${whereTheTimeGoes(results)}

## Cold start and size

${table(
  ['bundle', 'process start to first log line', 'bytes on disk'],
  [
    [`Node alone: \`${NODE_ALONE}\``, milliseconds(results.nodeAlone), '–'],
    ...results.coldStart.map((row) => [
      row.bundle,
      milliseconds(row.median),
      `${(row.bytes / 1e6).toFixed(2)} MB`
    ])
  ]
)}

Node alone and the bundles take turns run by run: what a bundle takes over Node alone is ours.

Where a start goes, from \`node --cpu-prof\` of each bundle started with no inputs (the median of
three profiles, in ms; the profile begins after Node's own bootstrap, so it is shorter than the wall
time above). *Node* is V8 and Node outside the bundle's stack, *built-in modules* the \`node:\`
modules the bundle requires (crypto, http, net, child_process, fs/promises…), *compiling* V8
compiling the bundle's source, *bundle code* running it.

${table(
  ['bundle', 'profiled', ...PROFILE_PARTS],
  results.coldStart.map((row) => [
    row.bundle,
    milliseconds(row.profile.total),
    ...PROFILE_PARTS.map((part) => `${row.profile[part].toFixed(1)} ms`)
  ])
)}
`
}
