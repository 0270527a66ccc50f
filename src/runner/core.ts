// The runner's protocol as @actions/core speaks it: inputs, workflow commands, file commands, summary.
// Ours because @actions/core imports its OIDC client at load time, and with it @actions/http-client
// and undici: most of every bundle's start-up, for a token no step of ours asks for.
import { appendFileSync, existsSync } from 'node:fs'
import { EOL } from 'node:os'
import { appendText } from '../fs-calls.js'

/** A value as the runner reads it: text as is, nothing as '', anything else as JSON. */
function commandValue(value: unknown): string {
  if (value === null || value === undefined) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}

const escapeData = (text: string): string =>
  text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')

const escapeProperty = (text: string): string =>
  escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')

/** `::name key=value,…::message` on a line of its own, escaped as the runner unescapes it. */
export function workflowCommand(
  name: string,
  properties: Readonly<Record<string, string>>,
  message: unknown
): string {
  const given = Object.entries(properties).filter(([, value]) => value !== '')
  const props =
    given.length === 0
      ? ''
      : ` ${given.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',')}`
  return `::${name}${props}::${escapeData(commandValue(message))}`
}

function issue(name: string, message: unknown, properties: Record<string, string> = {}): void {
  process.stdout.write(workflowCommand(name, properties, message) + EOL)
}

/** `name<<delimiter` block, the delimiter random so that no value can end it early. */
export function keyValueBlock(name: string, value: unknown): string {
  // node:crypto is loaded when first needed: importing it costs every action's start about 10 ms.
  const delimiter = `ghadelimiter_${process.getBuiltinModule('node:crypto').randomUUID()}`
  const text = commandValue(value)
  if (name.includes(delimiter) || text.includes(delimiter)) {
    throw new Error(`Unexpected input: '${name}' or its value contains the delimiter ${delimiter}`)
  }
  return `${name}<<${delimiter}${EOL}${text}${EOL}${delimiter}`
}

/** Appends to the file the runner named in GITHUB_<command>; false when it named none. */
function fileCommand(command: 'OUTPUT' | 'STATE', name: string, value: unknown): boolean {
  const path = process.env[`GITHUB_${command}`] ?? ''
  if (path === '') return false
  if (!existsSync(path)) throw new Error(`Missing file at path: ${path}`)
  appendFileSync(path, `${keyValueBlock(name, value)}${EOL}`, { encoding: 'utf8' })
  return true
}

/** The input as the runner passed it (INPUT_<NAME>, spaces as underscores), trimmed unless told not to. */
export function getInput(name: string, options: { trimWhitespace?: boolean } = {}): string {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? ''
  return options.trimWhitespace === false ? value : value.trim()
}

export function setOutput(name: string, value: unknown): void {
  if (fileCommand('OUTPUT', name, value)) return
  process.stdout.write(EOL)
  issue('set-output', value, { name })
}

/** Kept for the post step, which reads it back with getState. */
export function saveState(name: string, value: unknown): void {
  if (!fileCommand('STATE', name, value)) issue('save-state', value, { name })
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? ''
}

export function setSecret(secret: string): void {
  issue('add-mask', secret)
}

export function info(message: string): void {
  process.stdout.write(message + EOL)
}

export function debug(message: string): void {
  issue('debug', message)
}

export function warning(message: string): void {
  issue('warning', message)
}

export function error(message: string): void {
  issue('error', message)
}

/** Logs the error and fails the step once the process exits. */
export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

/** Runs `body` inside a foldable log group, which ends however the body ends. */
export async function group<T>(name: string, body: () => Promise<T>): Promise<T> {
  issue('group', name)
  try {
    return await body()
  } finally {
    issue('endgroup', '')
  }
}

/** Appends Markdown and a line break to the step's summary (GITHUB_STEP_SUMMARY). */
export async function appendJobSummary(markdown: string): Promise<void> {
  const path = process.env.GITHUB_STEP_SUMMARY ?? ''
  if (path === '') {
    throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY')
  }
  await appendText(path, markdown + EOL)
}
