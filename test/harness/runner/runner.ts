// Runs an action's bundle the way the GitHub runner does: INPUT_* from action.yml, workflow and file commands, post step.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { PROJECT_ROOT } from '../project-root.js'
import { testEnv } from '../test-env.js'
import { lineFeed, WorkflowCommandReader, type StepCommands } from './workflow-commands.js'

export { PROJECT_ROOT }

interface ActionManifest {
  inputs?: Record<string, { default?: string }>
  runs: { using: string; main: string; post?: string }
}

export interface ActionRunOptions {
  /** Folder holding action.yml, relative to the project root ('' for the root action). */
  readonly action?: string
  readonly inputs?: Record<string, string>
  readonly env?: Record<string, string>
  /** The event payload written to GITHUB_EVENT_PATH. */
  readonly event?: unknown
  readonly eventName?: string
  readonly workspace: string
  /** Value that `${{ github.token }}` expands to. */
  readonly token?: string
  readonly runPost?: boolean
  /** Sees the steps' stdout and stderr as they come (the demo shows progress with it). */
  readonly onOutput?: (chunk: string) => void
  /** Sees the main step's process once it starts (to signal it as the runner does on cancel). */
  readonly onMainSpawn?: (child: ChildProcess) => void
}

export interface StepResult {
  readonly exitCode: number
  readonly stdout: string
  readonly stderr: string
  /** What the runner did with the workflow commands the step printed. */
  readonly commands: StepCommands
}

export interface ActionRun {
  readonly main: StepResult
  readonly post: StepResult | undefined
  readonly outputs: Record<string, string>
  readonly state: Record<string, string>
  readonly summary: string
  /** Every `::error::` command the runner executed in the main step. */
  readonly errors: string[]
  readonly runnerTemp: string
}

/** Reads `name=value` and `name<<DELIMITER` blocks, the format of GITHUB_OUTPUT and GITHUB_STATE. */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? ''
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc !== null) {
      const [, name = '', delimiter = ''] = heredoc
      const body: string[] = []
      while (index + 1 < lines.length && lines[index + 1] !== delimiter)
        body.push(lines[++index] ?? '')
      index++
      values[name] = body.join('\n')
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return values
}

function inputEnv(
  manifest: ActionManifest,
  given: Record<string, string>,
  token: string
): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, spec] of Object.entries(manifest.inputs ?? {})) {
    const value = given[name] ?? (spec.default ?? '').replace('${{ github.token }}', token)
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  for (const name of Object.keys(given)) {
    if (!(name in (manifest.inputs ?? {})))
      throw new Error(`input '${name}' is not declared in action.yml`)
  }
  return env
}

function runStep(
  script: string,
  env: Record<string, string>,
  cwd: string,
  reader: WorkflowCommandReader,
  onOutput?: (chunk: string) => void,
  onSpawn?: (child: ChildProcess) => void
): Promise<StepResult> {
  return new Promise((resolveStep, reject) => {
    const child = spawn(testEnv().runnerNode, [script], {
      env,
      cwd,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    onSpawn?.(child)
    reader.nextStep()
    const streams = { stdout: '', stderr: '' }
    for (const name of ['stdout', 'stderr'] as const) {
      const feed = lineFeed(reader)
      child[name].setEncoding('utf8')
      child[name].on('data', (text: string) => {
        streams[name] += text
        feed.push(text)
        onOutput?.(text)
      })
      child[name].on('end', () => {
        feed.end()
      })
    }
    child.on('error', reject)
    child.on('close', (code) => {
      resolveStep({ exitCode: code ?? 1, ...streams, commands: reader.commands })
    })
  })
}

export async function runAction(options: ActionRunOptions): Promise<ActionRun> {
  const actionDir = join(PROJECT_ROOT, options.action ?? '')
  const manifest = parse(readFileSync(join(actionDir, 'action.yml'), 'utf8')) as ActionManifest
  const token = options.token ?? 'ghs_testtoken'
  const runnerTemp = mkdtempSync(join(tmpdir(), 'runner-temp-'))
  const files = {
    output: join(runnerTemp, 'output'),
    state: join(runnerTemp, 'state'),
    summary: join(runnerTemp, 'summary.md'),
    event: join(runnerTemp, 'event.json'),
    env: join(runnerTemp, 'env'),
    path: join(runnerTemp, 'path')
  }
  for (const file of Object.values(files)) writeFileSync(file, '')
  writeFileSync(files.event, JSON.stringify(options.event ?? {}))
  const base: Record<string, string> = {
    HOME: process.env.HOME ?? '/root',
    ...testEnv().dockerEnv,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: options.eventName ?? 'push',
    GITHUB_REPOSITORY: 'acme/web',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:1',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_SHA: '0000000000000000000000000000000000000000',
    ...options.env
  }
  const env = { ...base, ...inputEnv(manifest, options.inputs ?? {}, token) }
  const mainScript = join(actionDir, manifest.runs.main)
  const commandReader = new WorkflowCommandReader()
  const main = await runStep(
    mainScript,
    env,
    options.workspace,
    commandReader,
    options.onOutput,
    options.onMainSpawn
  )
  // The runner reads the files after the step, so they win over stdout commands of the same name.
  const state = { ...main.commands.state, ...parseFileCommands(readFileSync(files.state, 'utf8')) }
  let post: StepResult | undefined
  if (options.runPost !== false && manifest.runs.post !== undefined) {
    const stateEnv = Object.fromEntries(
      Object.entries(state).map(([key, value]) => [`STATE_${key}`, value])
    )
    post = await runStep(
      join(actionDir, manifest.runs.post),
      { ...env, ...stateEnv },
      options.workspace,
      commandReader
    )
  }
  return {
    main,
    post,
    outputs: { ...main.commands.outputs, ...parseFileCommands(readFileSync(files.output, 'utf8')) },
    state,
    summary: readFileSync(files.summary, 'utf8'),
    errors: main.commands.errors,
    runnerTemp
  }
}
