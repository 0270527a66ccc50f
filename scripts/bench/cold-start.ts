// Each action's bundle from process start to its first log line, and its size on disk.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { parse } from 'yaml'
import { PROJECT_ROOT } from '../../test/harness/project-root.js'
import { runAction } from '../../test/harness/runner/runner.js'
import type { ColdStartRow } from './results.js'
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

export async function benchColdStart(runs: number): Promise<ColdStartRow[]> {
  const workspace = mkdtempSync(join(tmpdir(), 'bench-cold-'))
  try {
    const rows: ColdStartRow[] = []
    for (const action of ACTIONS) {
      const samples: number[] = []
      for (let index = -1; index < runs; index++) {
        const ms = await timeToFirstLine(action, workspace)
        if (index >= 0) samples.push(ms)
      }
      const bundle = bundleOf(action)
      rows.push({ bundle, median: median(samples), bytes: bundleBytes(bundle) })
    }
    return rows
  } finally {
    rmSync(workspace, { recursive: true, force: true })
  }
}
