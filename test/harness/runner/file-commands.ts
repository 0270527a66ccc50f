// The runner's file commands (actions/runner FileCommandManager): fresh files for each step, read when it ends.
import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The file prefix of each file command, by the variable that names its file. */
const PREFIXES = {
  GITHUB_OUTPUT: 'set_output_',
  GITHUB_STATE: 'save_state_',
  GITHUB_ENV: 'set_env_',
  GITHUB_PATH: 'add_path_',
  GITHUB_STEP_SUMMARY: 'step_summary_'
} as const

/** The paths of one step's files, keyed by the variable that gives each to the step. */
export type StepFiles = Readonly<Record<keyof typeof PREFIXES, string>>

/** Names GITHUB_ENV may not set (SetEnvFileCommand's block list, compared ignoring case). */
const BLOCKED_ENV = ['NODE_OPTIONS']

/** What the runner made of one step's files after the step ended. */
export interface StepFileCommands {
  readonly outputs: Record<string, string>
  readonly state: Record<string, string>
  /** Variables GITHUB_ENV set for the later steps, the blocked ones left out. */
  readonly env: Record<string, string>
  /** Directories GITHUB_PATH added, in the order written. */
  readonly path: string[]
  readonly summary: string
  /** Errors the runner annotated the step with, each as a line `::error::<message>`. */
  readonly errors: string[]
}

/** Reads `name=value` and `name<<DELIMITER` blocks, the format of GITHUB_OUTPUT, GITHUB_STATE and GITHUB_ENV. */
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

function readEnvFile(text: string): Pick<StepFileCommands, 'env' | 'errors'> {
  const env: Record<string, string> = {}
  const errors: string[] = []
  for (const [name, value] of Object.entries(parseFileCommands(text))) {
    const blocked = BLOCKED_ENV.find((entry) => entry.toLowerCase() === name.toLowerCase())
    if (blocked === undefined) env[name] = value
    else
      errors.push(`::error::Can't store ${blocked} output parameter using '$GITHUB_ENV' command.`)
  }
  return { env, errors }
}

/**
 * The runner's `_runner_file_commands` folder in RUNNER_TEMP: each step gets files of its own, and
 * the previous step's are deleted when the next one's are made.
 */
export class FileCommandDirectory {
  private readonly dir: string
  private current: StepFiles | undefined

  constructor(runnerTemp: string) {
    this.dir = join(runnerTemp, '_runner_file_commands')
    mkdirSync(this.dir, { recursive: true })
  }

  /** Empty files for the next step. */
  nextStep(): StepFiles {
    for (const file of Object.values(this.current ?? {})) rmSync(file, { force: true })
    const suffix = randomUUID()
    const files = Object.fromEntries(
      Object.entries(PREFIXES).map(([name, prefix]) => [name, join(this.dir, prefix + suffix)])
    ) as Record<keyof typeof PREFIXES, string>
    for (const file of Object.values(files)) writeFileSync(file, '')
    this.current = files
    return files
  }
}

/** Reads a step's files once it has ended, whatever its exit code. */
export function readStepFiles(files: StepFiles): StepFileCommands {
  const read = (name: keyof StepFiles): string => readFileSync(files[name], 'utf8')
  return {
    outputs: parseFileCommands(read('GITHUB_OUTPUT')),
    state: parseFileCommands(read('GITHUB_STATE')),
    ...readEnvFile(read('GITHUB_ENV')),
    // File.ReadAllLines splits at CRLF, LF and a lone CR.
    path: read('GITHUB_PATH')
      .split(/\r\n|\n|\r/)
      .filter((line) => line !== ''),
    summary: read('GITHUB_STEP_SUMMARY')
  }
}
