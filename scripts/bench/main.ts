// npm run bench: promotion, cold start and the pipeline measured against the alternatives on the
// test harness (runner emulation, counting proxy, GitHub double); prints issue 14's goals met or
// missed and writes docs/BENCHMARKS.md with its chart.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PROJECT_ROOT } from '../../test/harness/project-root.js'
import { startCountingProxy } from '../../test/harness/registry/counting-proxy.js'
import { openHarness } from '../../test/harness/session.js'
import { linkBuildxPlugin, testEnv } from '../../test/harness/test-env.js'
import { promoteChart } from './chart.js'
import { benchBuildCache } from './build-cache.js'
import { benchColdStart } from './cold-start.js'
import { runCommand } from './command.js'
import { resetEngine } from './engine-reset.js'
import { goalsForTerminal, judgeGoals } from './goals.js'
import { benchPipeline } from './pipeline.js'
import { PROFILE_PARTS } from './profile.js'
import { benchPromotion } from './promotion.js'
import { benchmarksMarkdown, CHART_FILE } from './report.js'
import { BENCH_PARTS, partsFromEnvironment, type BenchPart } from './parts.js'
import { COLD_START_RUNS_PER_RUN, type PartialBenchResults } from './results.js'

const log = (text: string): void => {
  process.stderr.write(`bench: ${text}\n`)
}

function runsFromEnvironment(): number {
  const given = process.env.BENCH_RUNS ?? '5'
  const runs = Number(given)
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`BENCH_RUNS: '${given}' is not a whole number of runs of at least 1`)
  return runs
}

async function main(): Promise<void> {
  const runs = runsFromEnvironment()
  const parts = partsFromEnvironment()
  const env = testEnv()
  const proxy = await startCountingProxy(env.registry)
  const harness = await openHarness({ owner: 'acme', repo: 'bench' })
  const dockerConfig = mkdtempSync(join(tmpdir(), 'bench-docker-'))
  linkBuildxPlugin(dockerConfig)
  const dockerEnv = { ...process.env, ...env.dockerEnv, DOCKER_CONFIG: dockerConfig }
  const netrcFile = join(dockerConfig, 'netrc')
  writeFileSync(netrcFile, `machine 127.0.0.1 login ${env.username} password ${env.password}\n`, {
    mode: 0o600
  })
  try {
    for (const registry of [env.registry, proxy.host]) {
      await runCommand(
        'docker',
        ['login', '--username', env.username, '--password-stdin', registry],
        {
          env: dockerEnv,
          input: env.password
        }
      )
    }
    log(`removed ${await resetEngine(dockerEnv)} images from the engine, the base images left`)
    const context = {
      proxy,
      harness,
      dockerEnv,
      authFile: join(dockerConfig, 'config.json'),
      netrcFile,
      log
    }
    const part = async <T>(name: BenchPart, measure: () => Promise<T>): Promise<T | undefined> => {
      if (!parts.has(name)) return undefined
      log(name)
      return measure()
    }
    const promotion =
      (await part('promote', () => benchPromotion(context, env.registry, runs))) ?? []
    const coldStart = await part('cold-start', () => benchColdStart(runs * COLD_START_RUNS_PER_RUN))
    for (const row of coldStart?.rows ?? []) {
      const parts = PROFILE_PARTS.map((name) => `${name} ${row.profile[name].toFixed(1)}`)
      log(`${row.bundle} profiled: ${parts.join(', ')} of ${row.profile.total.toFixed(1)} ms`)
    }
    const pipeline = await part('pipeline', () => benchPipeline(harness, proxy, dockerEnv, runs))
    if (pipeline !== undefined) {
      const { ours, script, legacyScript, rerun } = pipeline
      const ms = (summary: { median: number }): string => `${summary.median.toFixed(0)} ms`
      log(
        `pipeline: ours ${ms(ours)}, plain script ${ms(script)}, legacy ${ms(legacyScript)}, re-run ${ms(rerun)}`
      )
    }
    const buildCache = await part('build-cache', () => benchBuildCache(harness, dockerEnv, log))
    const results: PartialBenchResults = {
      date: new Date().toISOString().slice(0, 10),
      runs,
      promotion,
      coldStart: coldStart?.rows ?? [],
      nodeAlone: coldStart?.nodeAlone,
      pipeline,
      buildCache
    }
    const goals = judgeGoals(results)
    process.stdout.write(
      `\nIssue 14's goals, measured in this run:\n\n${goalsForTerminal(goals)}\n\n`
    )
    // The report stands for a whole run: a partial one only prints its goals.
    const { pipeline: measuredPipeline, nodeAlone } = results
    if (
      measuredPipeline === undefined ||
      nodeAlone === undefined ||
      buildCache === undefined ||
      parts.size < BENCH_PARTS.length
    )
      return
    writeFileSync(join(PROJECT_ROOT, 'docs', CHART_FILE), promoteChart(promotion))
    writeFileSync(
      join(PROJECT_ROOT, 'docs/BENCHMARKS.md'),
      benchmarksMarkdown({ ...results, pipeline: measuredPipeline, nodeAlone, buildCache }, goals)
    )
    log(`wrote docs/BENCHMARKS.md and docs/${CHART_FILE}`)
  } finally {
    await proxy.close()
    await harness.close()
    rmSync(dockerConfig, { recursive: true, force: true })
  }
}

await main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
