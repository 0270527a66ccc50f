// Each action's bundle from process start to its first log line, and its size on disk, beside
// Node alone printing a line: what Node costs on this machine at this moment.
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { parse } from 'yaml'
import { PROJECT_ROOT } from '../../test/harness/project-root.js'
import { runAction } from '../../test/harness/runner/runner.js'
import { testEnv } from '../../test/harness/test-env.js'
import { PROFILE_PARTS, profileStart, type StartProfile } from './profile.js'
import { NODE_ALONE, type ColdStartRow } from './results.js'
import { now } from './sampling.js'
import { median } from './stats.js'

/** The folders holding our action.yml files: the core action, promote, rollback. */
const ACTIONS = ['', 'promote', 'rollback']

/** The main script action.yml names, relative to the project root. */
function bundleOf(action: string): string {
  const manifest = parse(readFileSync(join(PROJECT_ROOT, action, 'action.yml'), 'utf8')) as {
    runs: { main: string }
  }
  return relative(PROJECT_ROOT, join(PROJECT_ROOT, action, manifest.runs.main))
}

/** The entry and the chunks ncc splits off beside it (`413.index.js`). */
function bundleBytes(script: string): number {
  const dir = dirname(join(PROJECT_ROOT, script))
  return readdirSync(dir)
    .filter((file) => file === 'index.js' || /^\d+\.index\.js$/.test(file))
    .reduce((sum, file) => sum + statSync(join(dir, file)).size, 0)
}

/** One run with no inputs given: the step fails on its first input, after its first log line. */
async function timeToFirstLine(action: string, workspace: string): Promise<number> {
  let started = 0
  let firstLine: number | undefined
  await runAction({
    action,
    workspace,
    runPost: false,
    onMainSpawn: (child) => {
      started = now()
      child.stdout?.once('data', () => (firstLine = now()))
    }
  })
  if (firstLine === undefined) throw new Error(`${bundleOf(action)} printed nothing on stdout`)
  return firstLine - started
}

/** The runner's Node started to print one line, from spawn to that line. */
function nodeAlone(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = now()
    const child = spawn(testEnv().runnerNode, ['-e', 'console.log(0)'], {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: {}
    })
    let firstLine: number | undefined
    child.stdout.once('data', () => (firstLine = now()))
    child.stdout.resume()
    child.on('error', reject)
    child.on('close', () => {
      if (firstLine === undefined) reject(new Error(`${NODE_ALONE} printed nothing`))
      else resolve(firstLine - started)
    })
  })
}

/** Three profiled starts, each part their median: one start alone is at the mercy of the machine. */
async function medianProfile(bundle: string): Promise<StartProfile> {
  const profiles: StartProfile[] = []
  for (let index = 0; index < 3; index++) profiles.push(await profileStart(PROJECT_ROOT, bundle))
  const part = (key: keyof StartProfile): number => median(profiles.map((profile) => profile[key]))
  return {
    ...(Object.fromEntries(PROFILE_PARTS.map((name) => [name, part(name)])) as Record<
      (typeof PROFILE_PARTS)[number],
      number
    >),
    total: part('total')
  }
}

export interface ColdStartResult {
  readonly rows: ColdStartRow[]
  /** Median ms of Node alone to its first line. */
  readonly nodeAlone: number
}

/** Node alone and each bundle take turns run by run, so a burst of load falls on all of them. */
export async function benchColdStart(runs: number): Promise<ColdStartResult> {
  const workspace = mkdtempSync(join(tmpdir(), 'bench-cold-'))
  try {
    const samples = new Map<string, number[]>(ACTIONS.map((action) => [action, []]))
    const alone: number[] = []
    for (let index = -1; index < runs; index++) {
      const ms = await nodeAlone()
      if (index >= 0) alone.push(ms)
      for (const action of ACTIONS) {
        const ms = await timeToFirstLine(action, workspace)
        if (index >= 0) samples.get(action)?.push(ms)
      }
    }
    const rows: ColdStartRow[] = []
    for (const action of ACTIONS) {
      const bundle = bundleOf(action)
      rows.push({
        bundle,
        median: median(samples.get(action) ?? []),
        bytes: bundleBytes(bundle),
        profile: await medianProfile(bundle)
      })
    }
    return { rows, nodeAlone: median(alone) }
  } finally {
    rmSync(workspace, { recursive: true, force: true })
  }
}
