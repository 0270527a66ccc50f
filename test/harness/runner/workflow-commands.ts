// The runner's reading of stdout workflow commands (actions/runner ActionCommand + ActionCommandManager).

/** What the commands of one step did. */
export interface StepCommands {
  readonly outputs: Record<string, string>
  readonly state: Record<string, string>
  readonly masks: string[]
  /** Each executed `error` command as a line `::error::<message>`. */
  readonly errors: string[]
  /** Each executed `warning` command as a line `::warning::<message>`. */
  readonly warnings: string[]
  /** A command the runner refused (set-env, add-path, a stop token it forbids) fails the step. */
  readonly refused: string[]
}

interface ParsedCommand {
  readonly name: string
  readonly properties: Map<string, string>
  readonly data: string
}

const STOP_COMMANDS = 'stop-commands'
/** Commands the runner registers; `notice` only with enhanced annotations, which github.com has. */
const REGISTERED = [
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo',
  STOP_COMMANDS
]

/** Unescaping as ActionCommand does, mapping by mapping in this order. */
const DATA_ESCAPES: [string, string][] = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%25', '%']
]
const PROPERTY_ESCAPES: [string, string][] = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%3A', ':'],
  ['%2C', ','],
  ['%25', '%']
]
const LEGACY_ESCAPES: [string, string][] = [
  ['%3B', ';'],
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%5D', ']'],
  ['%25', '%']
]

function unescape(text: string, mappings: [string, string][]): string {
  return mappings.reduce((value, [escaped, plain]) => value.replaceAll(escaped, plain), text)
}

function propertyPairs(text: string, separator: string): [string, string][] {
  return text
    .split(separator)
    .filter((part) => part !== '')
    .map((part) => {
      const at = part.indexOf('=')
      return at < 0 ? [part] : [part.slice(0, at), part.slice(at + 1)]
    })
    .filter((pair): pair is [string, string] => pair.length === 2 && pair.every((p) => p !== ''))
}

/** `::name k=v,k=v::data`, at the start of the line once leading whitespace is trimmed. */
function parseV2(line: string, registered: Set<string>): ParsedCommand | undefined {
  const message = line.trimStart()
  if (!message.startsWith('::')) return undefined
  const end = message.indexOf('::', 2)
  if (end < 0) return undefined
  const info = message.slice(2, end)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (!registered.has(name.toLowerCase())) return undefined
  const properties = new Map<string, string>()
  if (space > 0) {
    for (const [key, value] of propertyPairs(info.slice(space + 1).trim(), ','))
      properties.set(key.toLowerCase(), unescape(value, PROPERTY_ESCAPES))
  }
  return { name, properties, data: unescape(message.slice(end + 2), DATA_ESCAPES) }
}

/** The legacy `##[name k=v;k=v]data`, anywhere in the line. */
function parseLegacy(line: string, registered: Set<string>): ParsedCommand | undefined {
  const prefix = line.indexOf('##[')
  if (prefix < 0) return undefined
  const bracket = line.indexOf(']', prefix)
  if (bracket < 0) return undefined
  const info = line.slice(prefix + 3, bracket)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (!registered.has(name.toLowerCase())) return undefined
  const properties = new Map<string, string>()
  if (space > 0) {
    for (const [key, value] of propertyPairs(info.slice(space + 1), ';'))
      properties.set(key.toLowerCase(), unescape(value, LEGACY_ESCAPES))
  }
  return { name, properties, data: unescape(line.slice(bracket + 1), LEGACY_ESCAPES) }
}

/** What a step's stdout commands come to when it issued none; a fresh object each call. */
export function noCommands(): StepCommands {
  return { outputs: {}, state: {}, masks: [], errors: [], warnings: [], refused: [] }
}

/**
 * Processes lines in order. The runner keeps one stopped state for the whole job: a block a step
 * leaves open swallows the commands of the steps after it.
 */
export class WorkflowCommandReader {
  commands: StepCommands = noCommands()
  private readonly registered = new Set(REGISTERED)
  private stopToken: string | undefined

  /** Starts collecting the commands of the next step; the stopped state carries over. */
  nextStep(): void {
    this.commands = noCommands()
  }

  /** Splits as .NET's StreamReader.ReadLine does: at `\r\n`, `\n` or a lone `\r`. */
  readText(text: string): void {
    for (const line of text.split(/\r\n|\n|\r/)) this.readLine(line)
  }

  readLine(line: string): void {
    if (!line.includes('##[') && !line.includes('::')) return
    const command = parseV2(line, this.registered) ?? parseLegacy(line, this.registered)
    if (command === undefined) return
    const name = command.name.toLowerCase()
    if (this.stopToken !== undefined) {
      if (name === this.stopToken.toLowerCase()) {
        this.registered.delete(this.stopToken.toLowerCase())
        this.stopToken = undefined
      }
      return
    }
    if (name === STOP_COMMANDS) this.stop(command.data)
    else this.execute(name, command, line)
  }

  private stop(token: string): void {
    const lowered = token.toLowerCase()
    if (token === '' || this.registered.has(lowered) || lowered === 'pause-logging') {
      this.commands.refused.push(`::${STOP_COMMANDS}::${token}`)
      return
    }
    this.stopToken = token
    this.registered.add(lowered)
  }

  private execute(name: string, command: ParsedCommand, line: string): void {
    const { commands } = this
    const named = command.properties.get('name') ?? ''
    switch (name) {
      case 'set-output':
      case 'save-state':
        if (named === '') commands.refused.push(line)
        else (name === 'set-output' ? commands.outputs : commands.state)[named] = command.data
        break
      case 'add-mask':
        if (command.data.trim() !== '') commands.masks.push(command.data)
        break
      case 'error':
        commands.errors.push(`::error::${command.data}`)
        break
      case 'warning':
        commands.warnings.push(`::warning::${command.data}`)
        break
      case 'set-env':
      case 'add-path':
        // Disabled on github.com unless ACTIONS_ALLOW_UNSECURE_COMMANDS is set.
        commands.refused.push(line)
        break
    }
  }
}

/** Feeds one output stream to the runner's command reader a whole line at a time, as it arrives. */
export function lineFeed(reader: WorkflowCommandReader): { push(text: string): void; end(): void } {
  let pending = ''
  return {
    push(text) {
      const lines = (pending + text).split(/\r\n|\n|\r(?!$)/)
      pending = lines.pop() ?? ''
      for (const line of lines) reader.readLine(line)
    },
    end() {
      if (pending !== '') reader.readText(pending)
    }
  }
}

/** The commands of a whole step's output. */
export function readWorkflowCommands(text: string): StepCommands {
  const reader = new WorkflowCommandReader()
  reader.readText(text)
  return reader.commands
}
