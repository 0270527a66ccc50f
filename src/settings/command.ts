// A command input (test-command, smoke-test): a string runs through /bin/sh -c, a JSON array in exec form.
import { InputError } from '../errors.js'
import { text } from './inputs.js'

/** A JSON array runs in exec form (no shell needed in the image); anything else via /bin/sh -c. */
export function commandInput(name: string): readonly string[] | undefined {
  const command = text(name)
  if (command === '') return undefined
  if (!command.startsWith('[')) return ['/bin/sh', '-c', command]
  let parsed: unknown
  try {
    parsed = JSON.parse(command)
  } catch {
    throw new InputError(name, 'starts with [ but is not a JSON array of strings')
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length === 0 ||
    !parsed.every((item) => typeof item === 'string' && item !== '')
  ) {
    throw new InputError(
      name,
      'a JSON array must hold one or more non-empty strings, e.g. ["npm","test"]'
    )
  }
  return parsed as string[]
}
