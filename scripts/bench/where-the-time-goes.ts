// The closing section of docs/BENCHMARKS.md: what the run's numbers say about where the time goes.
import { COLD_START_LIMIT_MS, curlFloor, milliseconds, times } from './goals.js'
import {
  OUR_PROMOTE,
  OUR_PROMOTE_UNRECORDED,
  MINIMAL_PROMOTE,
  type BenchResults,
  type PromotionRow
} from './results.js'

const mean = (values: readonly number[]): number =>
  values.reduce((sum, value) => sum + value, 0) / values.length

/** The fewest and most registry requests a tool made over the images. */
function requestRange(rows: readonly PromotionRow[], tool: string): string {
  const counts = rows.filter((row) => row.tool === tool).map((row) => row.requests)
  const [least, most] = [Math.min(...counts), Math.max(...counts)]
  return least === most ? String(least) : `${least} to ${most}`
}

/** Tried on 2026-12-07 and measured; not kept, so no run measures them again. */
const TRIED = `- **Tried, measured, not kept** (2026-12-07, by hand on this machine, load average about 2):
  a V8 compile cache (\`module.enableCompileCache()\` in RUNNER_TEMP, each entry loading the rest of
  its bundle as a chunk after the call) did not pay: the fastest of 15 starts to the first line was
  promote 90.2 ms without it, 92.1 ms on a first run and 90.4 ms on a second; build-test-push 101.1,
  106.5 and 104.6 ms (median CPU time promote 116, 117, 118 ms; build-test-push 126, 138, 141 ms).
  V8 compiles the bundles lazily, so there is little to cache (*compiling* in the profile), and the
  cache costs a read and a check, the chunks a file each. Loading \`node:child_process\` only when a
  Docker credential helper is asked: promote's median CPU time 105 ms against 106 ms, nothing.`

/** A whole promote profiled by hand: the part of the promote goals' miss that is not Node's start. */
const PROMOTE_PROFILE = `- **A whole promote, profiled** (2026-12-07, by hand: 5 runs of \`record: false\` on 5mb-1 under
  the runner emulation with \`NODE_OPTIONS=--cpu-prof\`, 124 ms profiled on average): Node's
  built-in modules the bundle requires 28 ms, V8 and Node native work 21 ms, Node's JavaScript
  outside the bundle (the http client, sockets, stdout) 18 ms, waiting on the registry 22 ms, the
  bundle's code with the Node APIs it calls 26 ms, spread thin (no function over 1.5 ms: the HTTP
  exchange, the auth challenge, the job summary, masking), compiling 4 ms, GC 4 ms.
  Profiled again the same way (2026-12-07, 50 µs sampling, 5 runs): node:crypto took 11 ms of
  110 before the first request and the GET of the source waited for the HEAD of the target's
  answer (about 10 ms a round trip here). Now crypto loads while the requests are in flight,
  node:fs/promises and node:child_process only when asked, and both requests leave together:
  about 99 ms profiled, the first request out at 48 ms against the minimal promote's 33 ms (compiling
  the 100 KB bundle 4 ms, node:net and node:os at load 1 ms, the realm block lists 1 ms, stdout).`

function promotion(results: BenchResults): string {
  const rows = results.promotion
  const of = (tool: string): number[] =>
    rows.filter((row) => row.tool === tool).map((row) => row.median)
  const [recorded, unrecorded, minimal, floor] = [
    mean(of(OUR_PROMOTE)),
    mean(of(OUR_PROMOTE_UNRECORDED)),
    mean(of(MINIMAL_PROMOTE)),
    curlFloor(results)
  ]
  const node = results.nodeAlone
  return `- **Promote** moves only manifests, from 5 MB to 1 GB: zero blob bytes, and
  ${requestRange(rows, OUR_PROMOTE_UNRECORDED)} registry requests whatever the image (skopeo makes
  ${requestRange(rows, 'skopeo copy')}, growing with the layers; docker pull + push moves every byte).
  A spread between sizes in the table is run-to-run noise of a busy 2-core machine, not size.
  What separates it from two curl calls is a fixed cost, not work: Node alone took
  ${milliseconds(node)} in this run, ${times(node / floor)} the ${milliseconds(floor)} floor, so a
  promote that only starts Node is already at that ratio. Our promote with \`record: false\` took
  ${milliseconds(unrecorded)} on average: ${milliseconds(unrecorded - node)} over Node alone for the
  bundle's start (see the profile below), the registry round trips and the job summary. The least a
  Node promote can do here (scripts/bench/minimal-promote: 55 lines of CommonJS on node:http, no caps,
  retries, masking or summary) took ${milliseconds(minimal)}, ${times(minimal / floor)} the floor:
  ours adds ${milliseconds(unrecorded - minimal)} to it. Recording the
  deployment adds ${milliseconds(recorded - unrecorded)} on average: it is created while the tags
  move (its create overlaps the PUT), then marked live; it is marked in progress only when the
  tags are still moving as GitHub answers the create.`
}

function coldStart(results: BenchResults): string {
  const node = results.nodeAlone
  const over = results.coldStart.map((row) => `${row.bundle} ${milliseconds(row.median - node)}`)
  const floorNote =
    node > COLD_START_LIMIT_MS
      ? ` Node alone is over the ${COLD_START_LIMIT_MS} ms goal on this machine in this run, so no bundle can meet it here; what a bundle adds is the part that is ours.`
      : ''
  return `- **Cold start**: over Node alone (${milliseconds(node)}) the bundles add ${over.join(', ')}.${floorNote}
  The profile below shows the biggest part of that is Node's built-in modules the bundles require
  (http, net and streams, crypto, fs/promises, child_process), which the actions' work needs anyway;
  compiling and running our code take a few milliseconds each.`
}

export function whereTheTimeGoes(results: BenchResults): string {
  return `${promotion(results)}
${coldStart(results)}
- **The pipeline** starts docker only for the tests' \`run\`: the build is the buildx plugin's
  own process, standalone (the plain script's \`docker build\` is the CLI and then the plugin), and
  the push goes to the engine's API, as the CLI would send it. On top it pays a second Node start's worth of work
  once: Node and the bundle, \`git\` for the commit (while the SHA tag is already asked for), the
  login written into a config of its own, the engine's version, image inspect, tag and removals
  over its API socket, the SHA tag look-up before pushing, the digest check after the push and the
  test record (its blobs upload during the push; after it, two round trips, one with the referrers
  API; its subject taken from that check). The buildx plugin found on disk builds without being
  asked its version first. There is no post step when the main step
  removed what it made. The plain script's \`docker build\` is BuildKit, as the CLI runs it where
  buildx is installed (on GitHub's runners); the legacy builder's row is there for reference.
- **A re-run** of an existing SHA makes ${results.pipeline.rerun.requests} registry requests and
  starts no docker process: no probe, no login, no build, no post step.
- **A cold engine** with the registry cache takes ${times(results.buildCache.coldWithCache.median / results.buildCache.warm.median)} the warm build: it pulls the
  cached dependency layer instead of running the step (${milliseconds(results.buildCache.coldWithoutCache.median)} without the cache).
${PROMOTE_PROFILE}
${TRIED}`
}
