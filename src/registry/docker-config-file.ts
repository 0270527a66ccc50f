// The Docker config file (config.json) as every reader of ours takes it: the user's file, so read
// with a cap, and an object or nothing.
import { join } from 'node:path'
import { statOf, textOf } from '../fs-calls.js'

/** A config holds logins and settings, a few KiB; a larger one is not read. */
export const CONFIG_READ_LIMIT = 1024 * 1024

export type DockerConfigFile =
  | { readonly kind: 'absent' }
  /** Not JSON, not an object, or over the cap. */
  | { readonly kind: 'invalid' }
  | { readonly kind: 'object'; readonly config: Readonly<Record<string, unknown>> }

export async function readDockerConfigFile(configDir: string): Promise<DockerConfigFile> {
  const file = join(configDir, 'config.json')
  let text: string
  try {
    if ((await statOf(file)).size > CONFIG_READ_LIMIT) return { kind: 'invalid' }
    text = await textOf(file)
  } catch {
    return { kind: 'absent' }
  }
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? { kind: 'object', config: value as Record<string, unknown> }
      : { kind: 'invalid' }
  } catch {
    return { kind: 'invalid' }
  }
}

/** The file's object, or an empty one when there is none or it cannot be read as one. */
export async function dockerConfigOrEmpty(
  configDir: string
): Promise<Readonly<Record<string, unknown>>> {
  const read = await readDockerConfigFile(configDir)
  return read.kind === 'object' ? read.config : {}
}
