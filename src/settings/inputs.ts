// Typed readers for action inputs: each turns one raw string into a value or an InputError.
import * as core from '../runner/core.js'
import { InputError } from '../errors.js'

export function text(name: string): string {
  return core.getInput(name).trim()
}

/** Lines of a multi-line input, without blanks or `#` comments. */
export function lines(name: string): string[] {
  return core
    .getInput(name)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
}

/** A list given one item a line or comma-separated, as docker/metadata-action outputs it. */
export function list(name: string): string[] {
  return lines(name).flatMap((line) =>
    line
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '')
  )
}

const TRUE_WORDS = ['true', 'True', 'TRUE']
const FALSE_WORDS = ['false', 'False', 'FALSE']

export function boolean(name: string, fallback: boolean): boolean {
  const value = text(name)
  if (value === '') return fallback
  if (TRUE_WORDS.includes(value)) return true
  if (FALSE_WORDS.includes(value)) return false
  throw new InputError(name, `expected true or false, got '${printable(value)}'`)
}

export function oneOf<const T extends string>(name: string, choices: readonly T[], fallback: T): T {
  const value = text(name)
  if (value === '') return fallback
  const choice = choices.find((candidate) => candidate === value)
  if (choice === undefined) {
    throw new InputError(name, `expected one of ${choices.join(', ')}, got '${printable(value)}'`)
  }
  return choice
}

export function seconds(name: string, fallback: number): number {
  const value = text(name)
  if (value === '') return fallback
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 6 * 60 * 60) {
    throw new InputError(
      name,
      `expected a whole number of seconds from 1 to 21600, got '${printable(value)}'`
    )
  }
  return Number(value)
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** `KEY=VALUE` lines; the value may contain `=` and is kept as written. */
export function keyValues(name: string, keyPattern = ENV_NAME): ReadonlyMap<string, string> {
  const pairs = new Map<string, string>()
  lines(name).forEach((line, index) => {
    const separator = line.indexOf('=')
    // The line itself is never echoed: a malformed line may hold a secret value.
    if (separator === -1) {
      throw new InputError(name, `line ${index + 1} is not KEY=VALUE (no '=')`)
    }
    const key = line.slice(0, separator)
    if (!keyPattern.test(key)) {
      throw new InputError(name, `line ${index + 1}: '${printable(key)}' is not a valid name`)
    }
    pairs.set(key, line.slice(separator + 1))
  })
  return pairs
}

/** Quotes user text in an error message without letting it span lines or run on. */
export function printable(value: string): string {
  const oneLine = value.replace(/[\r\n\t]/g, ' ')
  return oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine
}

/** A Dockerfile stage name, as `docker build --target` takes it; undefined when empty. */
export function stageName(name: string): string | undefined {
  const stage = text(name)
  if (stage === '') return undefined
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(stage)) {
    throw new InputError(name, `'${printable(stage)}' is not a valid build stage name`)
  }
  return stage
}
