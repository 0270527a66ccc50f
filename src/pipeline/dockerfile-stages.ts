// Reads the build stages (`FROM … AS name`) out of a Dockerfile's text, as BuildKit's parser sees them.

export interface DockerfileStage {
  /** The name after `AS`, as written; undefined for an unnamed stage. */
  readonly name: string | undefined
  /** The base image or earlier stage the stage starts from. */
  readonly base: string
  /** 1-based line of the FROM instruction. */
  readonly line: number
}

const ESCAPE_DIRECTIVE = /^#\s*escape\s*=\s*([\\`])\s*$/i
const ANY_DIRECTIVE = /^#\s*[a-z][a-z0-9_-]*\s*=/i
const HEREDOC = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g

interface Heredoc {
  readonly word: string
  readonly stripTabs: boolean
}

/** Every stage of the Dockerfile in order; instructions other than FROM are skipped unread. */
export function parseDockerfileStages(text: string): DockerfileStage[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const escape = escapeCharacter(lines)
  const stages: DockerfileStage[] = []
  let instruction: string[] = []
  let startLine = 0
  let heredocs: Heredoc[] = []
  for (const [index, line] of lines.entries()) {
    const pending = heredocs[0]
    if (pending !== undefined) {
      const body = pending.stripTabs ? line.replace(/^\t+/, '') : line
      if (body === pending.word) heredocs = heredocs.slice(1)
      continue
    }
    const trimmed = line.trim()
    // Comments and blank lines may sit inside a continued instruction without ending it.
    if (trimmed === '' || trimmed.startsWith('#')) continue
    if (instruction.length === 0) startLine = index + 1
    const continued = trimmed.endsWith(escape)
    instruction.push(continued ? trimmed.slice(0, -1) : trimmed)
    if (continued) continue
    const whole = instruction.join(' ')
    instruction = []
    heredocs = heredocsOf(whole)
    const stage = fromInstruction(whole, startLine)
    if (stage !== undefined) stages.push(stage)
  }
  if (instruction.length > 0) {
    const stage = fromInstruction(instruction.join(' '), startLine)
    if (stage !== undefined) stages.push(stage)
  }
  return stages
}

/** The stage called `name`: BuildKit compares stage names without regard to case. */
export function findStage(
  stages: readonly DockerfileStage[],
  name: string
): DockerfileStage | undefined {
  const wanted = name.toLowerCase()
  return stages.find((stage) => stage.name?.toLowerCase() === wanted)
}

/** How a stage is named in messages: its name, or its position when it has none. */
export function describeStage(stages: readonly DockerfileStage[], stage: DockerfileStage): string {
  return stage.name ?? `unnamed stage ${stages.indexOf(stage) + 1} (line ${stage.line})`
}

/** Parser directives come first, before any instruction, comment or blank line. */
function escapeCharacter(lines: readonly string[]): string {
  for (const line of lines) {
    const directive = ESCAPE_DIRECTIVE.exec(line.trim())
    if (directive !== null) return directive[1] ?? '\\'
    if (!ANY_DIRECTIVE.test(line.trim())) break
  }
  return '\\'
}

function heredocsOf(instruction: string): Heredoc[] {
  if (!/^(RUN|COPY|ADD)\s/i.test(instruction)) return []
  return [...instruction.matchAll(HEREDOC)].map((match) => ({
    word: match[3] ?? '',
    stripTabs: match[1] === '-'
  }))
}

function fromInstruction(instruction: string, line: number): DockerfileStage | undefined {
  const [keyword, ...words] = instruction.split(/\s+/)
  if (keyword?.toUpperCase() !== 'FROM') return undefined
  // Flags such as --platform=$BUILDPLATFORM come before the image.
  const operands = words.filter((word) => !word.startsWith('--'))
  const [base, as, name] = operands
  if (base === undefined) return undefined
  return { name: as?.toLowerCase() === 'as' && name !== undefined ? name : undefined, base, line }
}
