// Finds a failed build's own error in its output: the failing step's last lines and the error line.

export interface BuildError {
  /** The one line that says what failed, e.g. buildx's `ERROR: failed to solve: …`. */
  readonly summary: string
  /** The failing step and its last lines, as the builder printed them, ending with the error. */
  readonly lines: readonly string[]
}

/** Lines of the failing step's own output kept; the step's header and the error are kept apart. */
const STEP_LINES = 20
/** Lines quoted at most, and characters a line: a build's output is the pull request's to write. */
const MAX_LINES = 40
const MAX_LINE_CHARS = 500
/** Lines quoted when the output has neither buildx's nor the classic builder's shape. */
const FALLBACK_LINES = 10

/**
 * buildx's plain progress prints each step's log as `#<step> <seconds> <line>`, and ends a failed
 * build with a Dockerfile excerpt and `ERROR: failed to solve: …`; the classic builder prints
 * `Step N/M : …`, the step's output and the daemon's message. Anything else: its last lines.
 */
export function buildError(output: string, builder: 'buildx' | 'classic'): BuildError {
  const lines = outputLines(output)
  const found =
    (builder === 'buildx' ? buildxError(lines) : classicError(lines)) ?? lastLines(lines)
  return { summary: summaryLine(lines, builder), lines: found.map(capLine).slice(-MAX_LINES) }
}

function outputLines(output: string): string[] {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r(?!\n)/g, '\n')
  const lines = plain.split(/\r?\n/).map((line) => line.trimEnd())
  while (lines.at(-1) === '') lines.pop()
  return lines
}

/**
 * The failing step (`#6 [app 1/2] RUN …`) and its last log lines, wherever parallel steps put them,
 * the Dockerfile excerpt buildx prints, and its last `ERROR:` line.
 */
function buildxError(lines: readonly string[]): string[] | undefined {
  const errorAt = lines.findLastIndex((line) => line.startsWith('ERROR: '))
  if (errorAt === -1) return undefined
  const before = lines.slice(0, errorAt)
  return [...failingStep(before), ...dockerfileExcerpt(before), lines[errorAt] ?? '']
}

function failingStep(lines: readonly string[]): string[] {
  const step = /^#(\d+) ERROR: /.exec(
    lines.findLast((line) => /^#\d+ ERROR: /.test(line)) ?? ''
  )?.[1]
  if (step === undefined) return []
  const prefix = `#${step} `
  const header = lines.find((line) => line.startsWith(`${prefix}[`))
  const log = lines.flatMap((line) => {
    const match = /^#\d+ \d+\.\d+ (.*)$/.exec(line)
    return line.startsWith(prefix) && match !== null ? [match[1] ?? ''] : []
  })
  return [...(header === undefined ? [] : [header.slice(prefix.length)]), ...lastOf(log)]
}

/** `Dockerfile:4` and the lines around it, between two `-----` rules, before the error. */
function dockerfileExcerpt(lines: readonly string[]): string[] {
  const start = lines.findLastIndex(
    (line, index) => /^\S+:\d+$/.test(line) && /^-{8,}$/.test(lines[index + 1] ?? '')
  )
  return start === -1 ? [] : lines.slice(start).filter((line) => line !== '')
}

/** From the last `Step n/m : …` to the end; without one, the daemon's own `Error response …`. */
function classicError(lines: readonly string[]): string[] | undefined {
  const stepStart = lines.findLastIndex((line) => /^Step \d+\/\d+ : /.test(line))
  if (stepStart === -1) {
    const error = lines.findLast((line) => /^(Error response from daemon: |failed to )/.test(line))
    return error === undefined ? undefined : [error]
  }
  const stepOutput = lines
    .slice(stepStart + 1)
    .filter((line) => line !== '' && !line.startsWith(' ---> '))
  return [lines[stepStart] ?? '', ...lastOf(stepOutput)]
}

/** A step's last lines, saying how many came before. */
function lastOf(log: readonly string[]): string[] {
  if (log.length <= STEP_LINES) return [...log]
  return [`(${log.length - STEP_LINES} lines before)`, ...log.slice(-STEP_LINES)]
}

function lastLines(lines: readonly string[]): string[] {
  return lines.filter((line) => line.trim() !== '').slice(-FALLBACK_LINES)
}

/** buildx's last `ERROR:` line, or the last line: the classic builder ends with its error. */
function summaryLine(lines: readonly string[], builder: 'buildx' | 'classic'): string {
  const error =
    builder === 'buildx' ? lines.findLast((line) => line.startsWith('ERROR: ')) : undefined
  const last = error ?? lines.findLast((line) => line.trim() !== '') ?? 'the build printed nothing'
  return capLine(last.trim())
}

function capLine(line: string): string {
  return line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}…` : line
}
