// The whole story on this machine: build, test and push, comment, promote, second commit, rollback,
// and a production image tested in its test stage and smoke-tested as it runs in production.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { GitHubApiDouble } from '../../test/harness/github-double/index.js'
import { PROJECT_ROOT } from '../../test/harness/project-root.js'
import type { ActionRun } from '../../test/harness/runner/runner.js'
import { openHarness, type HarnessSession } from '../../test/harness/session.js'
import type { Workspace } from '../../test/harness/workspace.js'
import { commitChange } from '../../test/harness/workspace.js'
import { ANSI, PLAIN, renderMarkdown, type Style } from './terminal-markdown.js'

const style: Style = process.stdout.isTTY && process.env.NO_COLOR === undefined ? ANSI : PLAIN
const started = Date.now()
const elapsed = (since = started): string => `${((Date.now() - since) / 1000).toFixed(1)} s`
const say = (text = ''): void => {
  process.stdout.write(`${text}\n`)
}

const repository = { owner: 'acme', repo: 'hello' }
const path = 'demo/hello'

async function step<T extends ActionRun>(
  title: string,
  run: (onOutput: (chunk: string) => void) => Promise<T>
): Promise<T> {
  const since = Date.now()
  say(style.bold(`▶ ${title}`))
  const result = await run((chunk) => {
    for (const line of chunk.split('\n')) {
      const group = /^::group::(.*)$/.exec(line)
      if (group !== null) say(style.dim(`    · ${group[1] ?? ''}  [${elapsed()}]`))
      const problem = /^::(error|warning)::(.*)$/.exec(line)
      if (problem !== null) say(`    ${problem[1] === 'error' ? '✖' : '⚠'} ${problem[2] ?? ''}`)
    }
  })
  if (result.main.exitCode !== 0) {
    say(result.main.stdout.split('\n').slice(-30).join('\n'))
    throw new Error(`${title} failed`)
  }
  say(`  ✔ done in ${elapsed(since)}${result.outputs.digest ? `: ${result.outputs.digest}` : ''}`)
  return result
}

function git(dir: string, args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim()
}

function build(harness: HarnessSession, workspace: Workspace, context: string, number: number) {
  return (onOutput: (chunk: string) => void): Promise<ActionRun> =>
    harness.build({
      workspace,
      repository: path,
      pullRequest: { number },
      inputs: { context, tags: `pr-${number}` },
      onOutput
    })
}

/** examples/prod-app: tests in the stage built FROM the shipped one, then the shipped image's smoke test. */
function buildProdApp(harness: HarnessSession, workspace: Workspace, number: number) {
  return (onOutput: (chunk: string) => void): Promise<ActionRun> =>
    harness.build({
      workspace,
      repository: 'demo/prod-app',
      pullRequest: { number },
      inputs: {
        context: 'examples/prod-app',
        target: 'prod',
        'test-target': 'test',
        'test-command': 'node --test',
        'smoke-test': '["node","/app/src/smoke.js"]'
      },
      onOutput
    })
}

/** Promote and rollback run in this checkout: its commit is the one the deployments name. */
function promotion(
  harness: HarnessSession,
  name: 'promote' | 'rollback',
  workspace: Workspace,
  inputs: Record<string, string>
) {
  return (onOutput: (chunk: string) => void): Promise<ActionRun> =>
    harness[name]({ workspace, repository: path, inputs, onOutput })
}

function history(github: GitHubApiDouble): string {
  const short = (digest: unknown): string =>
    typeof digest === 'string' && digest !== '' ? digest.slice(7, 19) : '(new)'
  const rows = github.deployments
    .slice()
    .reverse()
    .map((deployment) => {
      const payload = deployment.payload as {
        digest?: string
        previous_digest?: string
        source?: string
      }
      const state = deployment.statuses.at(-1)?.state ?? 'pending'
      return [
        String(deployment.id),
        deployment.environment,
        short(payload.digest),
        short(payload.previous_digest),
        state,
        (payload.source ?? '').replace(/sha256:([0-9a-f]{12})[0-9a-f]+/g, 'sha256:$1…')
      ]
    })
  const header = ['deployment', 'environment', 'digest', 'before', 'status', 'source']
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length))
  )
  const format = (row: string[]): string =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd()
  return [style.bold(format(header)), ...rows.map(format)].map((line) => `  ${line}`).join('\n')
}

async function main(): Promise<void> {
  const head = git(PROJECT_ROOT, ['rev-parse', 'HEAD'])
  const checkout: Workspace = { dir: PROJECT_ROOT, sha: head }
  const harness = await openHarness(repository, [head])
  const { github } = harness
  const { registry } = harness.env
  const image = `${registry}/${path}`
  const second = mkdtempSync(join(tmpdir(), 'demo-second-commit-'))
  try {
    say(
      style.bold(
        `immutable-image demo: ${image}, registry ${registry}, commit ${head.slice(0, 7)}\n`
      )
    )

    const first = await step(
      `1/7 Build examples/hello at ${head.slice(0, 7)}, test inside the image, push`,
      build(harness, checkout, 'examples/hello', 1)
    )

    say(style.bold('\n▶ 2/7 The pull-request comment, as GitHub receives it'))
    const comment = github.comments.find((candidate) => candidate.issueNumber === 1)
    say(renderMarkdown(comment?.body ?? '(no comment)', style).replace(/^/gm, '  │ '))
    say(
      style.dim(
        `  The job summary carries the same facts (${first.summary.split('\n').length} lines of Markdown).\n`
      )
    )

    const tag = first.outputs.tag ?? ''
    await step(
      '3/7 Promote it to staging',
      promotion(harness, 'promote', checkout, { source: tag, target: 'staging' })
    )
    await step(
      '4/7 Promote the same digest to production',
      promotion(harness, 'promote', checkout, {
        source: first.outputs.digest ?? '',
        target: 'production'
      })
    )

    cpSync(join(PROJECT_ROOT, 'examples/hello'), second, { recursive: true })
    git(second, ['init', '--quiet', '--initial-branch', 'main'])
    const secondSha = commitChange(second, { 'version.js': 'export const version = 2\n' })
    const next = await step(
      `5/7 A second commit ${secondSha.slice(0, 7)}: build, test, push, promote to staging and production`,
      build(harness, { dir: second, sha: secondSha }, '.', 2)
    )
    for (const target of ['staging', 'production']) {
      await step(
        `    promote ${next.outputs.tag ?? ''} to ${target}`,
        promotion(harness, 'promote', checkout, { source: next.outputs.tag ?? '', target })
      )
    }

    const back = await step(
      '6/7 Roll production back (source: previous)',
      promotion(harness, 'rollback', checkout, { environment: 'production' })
    )
    say(`  production: ${back.outputs['previous-digest'] ?? ''} → ${back.outputs.digest ?? ''}\n`)

    say(style.bold('Environment history (newest first), as the Environments page shows it:'))
    say(history(github))
    say()

    const prodApp = await step(
      '7/7 examples/prod-app: tests in stage test, then a smoke test of prod started by its ENTRYPOINT',
      buildProdApp(harness, checkout, 3)
    )
    const results = prodApp.summary
      .split('\n')
      .filter((line) => /^\| (Tests|Tested in|Smoke test|Smoke-tested in) \|/.test(line))
    say(renderMarkdown(['| | |', '|---|---|', ...results].join('\n'), style).replace(/^/gm, '  │ '))
    say()
    say(style.bold(`Done in ${elapsed()}. Created in ${registry}:`))
    for (const [name, run] of [
      ['first commit', first],
      ['second commit', next],
      ['prod-app', prodApp]
    ] as const) {
      say(
        `  ${name.padEnd(14)} ${run.outputs.tags?.split('\n').join(', ') ?? ''}\n  ${''.padEnd(14)} ${run.outputs.ref ?? ''}`
      )
    }
    say(
      `  staging        → ${next.outputs.digest ?? ''}\n  production     → ${back.outputs.digest ?? ''} (rolled back)`
    )
    say(
      style.dim(
        '\nClean up: bash scripts/test-env.sh down && rm -rf .tmp/test-env   (stops the engine and registries it started, drops the registry storage)'
      )
    )
  } finally {
    rmSync(second, { recursive: true, force: true })
    await harness.close()
  }
}

await main()
