// The core action on a commit whose dependencies did not change: a warm engine, a cold one (build
// cache pruned, as on a fresh runner) with a registry cache, and a cold one without, for reference.
import { randomBytes } from 'node:crypto'
import type { HarnessSession } from '../../test/harness/session.js'
import { testEnv } from '../../test/harness/test-env.js'
import { commitChange, makeWorkspace, type Workspace } from '../../test/harness/workspace.js'
import { runCommand } from './command.js'
import type { BuildCacheResult } from './results.js'
import { now } from './sampling.js'
import { summarize, type Sample } from './stats.js'

/** Each round builds three times, one of them with the expensive step: two rounds after a warm-up. */
const CACHE_RUNS = 2

/** Seconds the dependency step takes when it runs: what the cache is there to save. */
const EXPENSIVE_SECONDS = 5

/** The dependencies (an expensive step and 20 MB it leaves) come before anything from the commit. */
const dockerfile = (nonce: string): string =>
  [
    'FROM immutable-image-base/busybox:1 AS app',
    `RUN echo dependencies-${nonce} && sleep ${EXPENSIVE_SECONDS} && head -c 20000000 /dev/urandom > /dependencies.bin`,
    'COPY version.txt /app/version.txt',
    'FROM app AS test',
    'RUN test -f /dependencies.bin',
    ''
  ].join('\n')

type Engine = 'warm' | 'cold'

export async function benchBuildCache(
  harness: HarnessSession,
  dockerEnv: NodeJS.ProcessEnv,
  log: (text: string) => void
): Promise<BuildCacheResult> {
  const { registry } = testEnv()
  const nonce = randomBytes(4).toString('hex')
  const repository = `bench/cache-${nonce}`
  const cache = `type=registry,ref=${registry}/${repository}:buildcache`
  let head: Workspace = makeWorkspace(
    { Dockerfile: dockerfile(nonce), 'version.txt': '0\n' },
    { example: false }
  )
  const build = {
    network: 'host',
    target: 'app',
    'test-target': 'test',
    'test-command': 'true',
    push: 'true',
    comment: 'false'
  }
  const withCache = { ...build, 'cache-from': cache, 'cache-to': `${cache},mode=max` }

  /** A new commit that changes only the application, built on an engine as `engine` says. */
  const timedBuild = async (engine: Engine, inputs: Record<string, string>): Promise<Sample> => {
    if (engine === 'cold')
      await runCommand('docker', ['builder', 'prune', '--all', '--force'], { env: dockerEnv })
    head = { dir: head.dir, sha: commitChange(head.dir, { 'version.txt': `${now()}\n` }) }
    const started = now()
    const run = await harness.build({ workspace: head, repository, registry, inputs })
    if (run.main.exitCode !== 0)
      throw new Error(`the cached build failed: ${run.errors.join('; ').slice(0, 400)}`)
    return { ms: now() - started, requests: 0, bytes: 0 }
  }

  const samples = {
    warm: [] as Sample[],
    coldWithCache: [] as Sample[],
    coldWithoutCache: [] as Sample[]
  }
  // In this order the warm build finds in the engine the very layers the registry cache holds, so
  // its cache-to exports nothing new, as on a runner that built the commit before; the warm-up
  // round exports the registry cache in the first place.
  for (let round = -1; round < CACHE_RUNS; round++) {
    const coldWithoutCache = await timedBuild('cold', build)
    const coldWithCache = await timedBuild('cold', withCache)
    const warm = await timedBuild('warm', withCache)
    log(
      `build cache: warm ${warm.ms.toFixed(0)} ms, cold with registry cache ${coldWithCache.ms.toFixed(0)} ms, cold without ${coldWithoutCache.ms.toFixed(0)} ms`
    )
    if (round < 0) continue
    samples.warm.push(warm)
    samples.coldWithCache.push(coldWithCache)
    samples.coldWithoutCache.push(coldWithoutCache)
  }
  return {
    warm: summarize(samples.warm),
    coldWithCache: summarize(samples.coldWithCache),
    coldWithoutCache: summarize(samples.coldWithoutCache)
  }
}
