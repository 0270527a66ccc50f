// Runs an action's bundle the way the GitHub runner does: INPUT_* from action.yml, workflow and file commands, post step under runs.post-if.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
import { PROJECT_ROOT } from '../project-root.js'
import { testEnv } from '../test-env.js'
import {
  FileCommandDirectory,
  readStepFiles,
  type StepFileCommands,
  type StepFiles
} from './file-commands.js'
import { JobEnvironment } from './job-environment.js'
import { DEFAULT_POST_IF, evaluatePostIf, postIfContexts, type JobStatus } from './post-if.js'
import { lineFeed, WorkflowCommandReader, type StepCommands } from './workflow-commands.js'

export { PROJECT_ROOT }
export { parseFileCommands } from './file-commands.js'

interface ActionManifest {
  inputs?: Record<string, { default?: string }>
  runs: { using: string; main: string; post?: string; 'post-if'?: string }
}

/** The machine the runner runs on: what every step inherits before the runner adds its own. */
export interface RunnerMachine {
  /** The Node that runs node24 actions. */
  readonly node: string
  /** The runner process's environment: HOME, PATH, the Docker client's. */
  readonly env: Readonly<Record<string, string>>
}

export interface ActionRunOptions {
  /** Folder holding action.yml: relative to the project root ('' for the root action), or absolute. */
  readonly action?: string
  readonly inputs?: Record<string, string>
  /** The step's env, over the runner's defaults and what GITHUB_ENV set. */
  readonly env?: Record<string, string>
  /** The event payload written to GITHUB_EVENT_PATH. */
  readonly event?: unknown
  readonly eventName?: string
  readonly workspace: string
  /** Value that `${{ github.token }}` expands to. */
  readonly token?: string
  /** false: the post step is not wanted at all, whatever runs.post-if says. */
  readonly runPost?: boolean
  /** The job was cancelled while the main step ran: job.status is cancelled for runs.post-if. */
  readonly cancelled?: boolean
  /** The test engine's runner Node and Docker client by default. */
  readonly runner?: RunnerMachine
  /** Sees the steps' stdout and stderr as they come (the demo shows progress with it). */
  readonly onOutput?: (chunk: string) => void
  /** Sees the main step's process once it starts (to signal it as the runner does on cancel). */
  readonly onMainSpawn?: (child: ChildProcess) => void
  /** Sees the post step's process once it starts, when the runner runs one. */
  readonly onPostSpawn?: (child: ChildProcess) => void
}

export interface StepResult {
  readonly exitCode: number
  readonly stdout: string
  readonly stderr: string
  /** What the runner did with the workflow commands the step printed. */
  readonly commands: StepCommands
  /** What the runner read from the step's own GITHUB_* files when it ended. */
  readonly files: StepFileCommands
}

export interface ActionRun {
  readonly main: StepResult
  /** Undefined when there is no post step, it was not wanted, or runs.post-if was false. */
  readonly post: StepResult | undefined
  /** runs.post-if was false: the runner skipped the post step. */
  readonly postSkipped: boolean
  readonly outputs: Record<string, string>
  readonly state: Record<string, string>
  /** The job summary as users see it: main's step summary, then post's. */
  readonly summary: string
  /** Every `::error::` command the runner executed in the main step. */
  readonly errors: string[]
  readonly runnerTemp: string
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

function testEngineMachine(): RunnerMachine {
  const { runnerNode, dockerEnv } = testEnv()
  return { node: runnerNode, env: { HOME: process.env.HOME ?? '/root', ...dockerEnv } }
}

interface StepLaunch {
  readonly node: string
  readonly script: string
  readonly env: Record<string, string>
  readonly cwd: string
  readonly files: StepFiles
  readonly reader: WorkflowCommandReader
  readonly onOutput?: ((chunk: string) => void) | undefined
  readonly onSpawn?: ((child: ChildProcess) => void) | undefined
}

function runStep(step: StepLaunch): Promise<StepResult> {
  const { reader } = step
  return new Promise((resolveStep, reject) => {
    const child = spawn(step.node, [step.script], {
      env: step.env,
      cwd: step.cwd,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    step.onSpawn?.(child)
    reader.nextStep()
    const streams = { stdout: '', stderr: '' }
    for (const name of ['stdout', 'stderr'] as const) {
      const feed = lineFeed(reader)
      child[name].setEncoding('utf8')
      child[name].on('data', (text: string) => {
        streams[name] += text
        feed.push(text)
        step.onOutput?.(text)
      })
      child[name].on('end', () => {
        feed.end()
      })
    }
    child.on('error', reject)
    child.on('close', (code) => {
      resolveStep({
        exitCode: code ?? 1,
        ...streams,
        commands: reader.commands,
        files: readStepFiles(step.files)
      })
    })
  })
}

/** What the runner's github and runner contexts give every step: GITHUB_ENV cannot override it. */
function runnerDefaults(
  options: ActionRunOptions,
  runnerTemp: string,
  eventPath: string
): Record<string, string> {
  return {
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: options.eventName ?? 'push',
    // The name github.com gives a step that runs owner/repo@ref with no id.
    GITHUB_ACTION: '__acme_immutable-image',
    GITHUB_REPOSITORY: 'acme/web',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:1',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_SHA: '0000000000000000000000000000000000000000'
  }
}

/** job.status once main has ended, which success(), failure() and cancelled() read in post-if. */
function jobStatus(main: StepResult, cancelled: boolean | undefined): JobStatus {
  if (cancelled === true) return 'cancelled'
  return main.exitCode === 0 ? 'success' : 'failure'
}

export async function runAction(options: ActionRunOptions): Promise<ActionRun> {
  const actionDir = resolve(PROJECT_ROOT, options.action ?? '')
  const manifest = parse(readFileSync(join(actionDir, 'action.yml'), 'utf8')) as ActionManifest
  const token = options.token ?? 'ghs_testtoken'
  const machine = options.runner ?? testEngineMachine()
  const runnerTemp = mkdtempSync(join(tmpdir(), 'runner-temp-'))
  const eventPath = join(runnerTemp, 'event.json')
  writeFileSync(eventPath, JSON.stringify(options.event ?? {}))
  const runnerEnv = { ...runnerDefaults(options, runnerTemp, eventPath), ...options.env }
  // The runner's process has these; CI only when nothing else set it (ProcessInvoker).
  const machineEnv = { CI: 'true', GITHUB_ACTIONS: 'true', ...machine.env }
  const inputs = inputEnv(manifest, options.inputs ?? {}, token)
  const job = new JobEnvironment()
  const fileCommands = new FileCommandDirectory(runnerTemp)
  const reader = new WorkflowCommandReader()

  // The step's env wins over GITHUB_ENV's, as StepsRunner merges them into the env context.
  const step = async (
    script: string,
    own: Record<string, string>,
    onSpawn?: (child: ChildProcess) => void
  ): Promise<StepResult> => {
    const files = fileCommands.nextStep()
    const env: Record<string, string> = {
      ...machineEnv,
      ...job.env,
      ...runnerEnv,
      ...files,
      ...inputs,
      ...own
    }
    const path = job.path(env.PATH)
    const result = await runStep({
      node: machine.node,
      script: join(actionDir, script),
      env: path === undefined ? env : { ...env, PATH: path },
      cwd: options.workspace,
      files,
      reader,
      onOutput: options.onOutput,
      onSpawn
    })
    job.apply(result.files)
    return result
  }

  const main = await step(manifest.runs.main, {}, options.onMainSpawn)
  // The runner reads the files after the step, so they win over stdout commands of the same name.
  const state = { ...main.commands.state, ...main.files.state }
  let post: StepResult | undefined
  let postSkipped = false
  if (options.runPost !== false && manifest.runs.post !== undefined) {
    const contexts = postIfContexts({
      runnerEnv,
      env: { ...job.env, ...options.env },
      event: options.event,
      token,
      status: jobStatus(main, options.cancelled)
    })
    if (evaluatePostIf(manifest.runs['post-if'] ?? DEFAULT_POST_IF, contexts)) {
      const stateEnv = Object.fromEntries(
        Object.entries(state).map(([key, value]) => [`STATE_${key}`, value])
      )
      post = await step(manifest.runs.post, stateEnv, options.onPostSpawn)
    } else {
      postSkipped = true
    }
  }
  return {
    main,
    post,
    postSkipped,
    outputs: { ...main.commands.outputs, ...main.files.outputs },
    state,
    summary: main.files.summary + (post?.files.summary ?? ''),
    errors: main.commands.errors,
    runnerTemp
  }
}
