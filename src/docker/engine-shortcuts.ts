// The quiet docker commands the engine's API answers in one request, with the output and exit code
// the CLI would give: each CLI process costs tens of milliseconds, and a run asks several.
import { askEngine, type EngineAnswer } from './engine-api.js'
import type { DockerResult } from './docker.js'

type Method = 'GET' | 'POST' | 'DELETE'

interface Shortcut {
  readonly method: Method
  readonly path: string
  /** The CLI's stdout for a 2xx answer. */
  readonly stdout: (answer: EngineAnswer) => string | undefined
}

/** A name in a path, as the CLI puts it there: its slashes kept, everything else escaped. */
const segment = (name: string): string => name.split('/').map(encodeURIComponent).join('/')

function field(
  body: string,
  read: (value: Record<string, unknown>) => unknown
): string | undefined {
  try {
    const value = read(JSON.parse(body) as Record<string, unknown>)
    return typeof value === 'string' || typeof value === 'boolean' ? String(value) : undefined
  } catch {
    return undefined
  }
}

const line = (text: string | undefined): string | undefined =>
  text === undefined ? undefined : `${text}\n`

/** Splits `registry:5000/name:tag` into the repository and the tag the API takes. */
function repoAndTag(reference: string): { repo: string; tag: string } | undefined {
  const colon = reference.lastIndexOf(':')
  if (colon <= reference.lastIndexOf('/') || reference.includes('@')) return undefined
  return { repo: reference.slice(0, colon), tag: reference.slice(colon + 1) }
}

/** The API request for these arguments, or undefined when they are not one of the shortcuts. */
export function shortcutFor(args: readonly string[]): Shortcut | undefined {
  const [first, second, third, fourth, fifth, ...rest] = args
  if (rest.length > 0) return undefined
  if (first === 'version' && second === '--format' && fourth === undefined) {
    if (third === '{{.Server.Version}}')
      return {
        method: 'GET',
        path: '/version',
        stdout: ({ body }) => line(field(body, (v) => v.Version))
      }
    if (third === '{{.Server.Os}}/{{.Server.Arch}}') {
      return {
        method: 'GET',
        path: '/version',
        stdout: ({ body }) => {
          const os = field(body, (v) => v.Os)
          const arch = field(body, (v) => v.Arch)
          return os === undefined || arch === undefined ? undefined : `${os}/${arch}\n`
        }
      }
    }
    return undefined
  }
  if (
    first === 'image' &&
    second === 'inspect' &&
    third === '--format' &&
    fourth === '{{json .}}' &&
    fifth !== undefined
  ) {
    return {
      method: 'GET',
      path: `/images/${segment(fifth)}/json`,
      stdout: ({ body }) => line(body.trim())
    }
  }
  if (first === 'image' && second === 'rm' && third !== undefined && fourth === undefined) {
    return {
      method: 'DELETE',
      path: `/images/${segment(third)}`,
      stdout: () => `Untagged: ${third}\n`
    }
  }
  if (first === 'tag' && second !== undefined && third !== undefined && fourth === undefined) {
    const target = repoAndTag(third)
    if (target === undefined) return undefined
    const query = new URLSearchParams(target).toString()
    return { method: 'POST', path: `/images/${segment(second)}/tag?${query}`, stdout: () => '' }
  }
  if (
    first === 'rm' &&
    second === '--force' &&
    third === '--volumes' &&
    fourth !== undefined &&
    fifth === undefined
  ) {
    return {
      method: 'DELETE',
      path: `/containers/${segment(fourth)}?force=1&v=1`,
      stdout: () => `${fourth}\n`
    }
  }
  if (
    first === 'inspect' &&
    second === '--format' &&
    third === '{{.State.OOMKilled}}' &&
    fourth !== undefined &&
    fifth === undefined
  ) {
    return {
      method: 'GET',
      path: `/containers/${segment(fourth)}/json`,
      stdout: ({ body }) =>
        line(field(body, (v) => (v.State as Record<string, unknown> | undefined)?.OOMKilled))
    }
  }
  if (
    first === 'network' &&
    second === 'inspect' &&
    third === '--format' &&
    fourth === '{{.Name}}' &&
    fifth !== undefined
  ) {
    return {
      method: 'GET',
      path: `/networks/${segment(fifth)}`,
      stdout: ({ body }) => line(field(body, (v) => v.Name))
    }
  }
  return undefined
}

/** The daemon's error as the CLI prints it: `Error response from daemon: <message>`. */
function daemonError(body: string): string {
  const message = field(body, (value) => value.message) ?? body.trim()
  return `Error response from daemon: ${message}\n`
}

/**
 * The CLI's result for `args`, asked of the engine at `socket`; undefined when the arguments are no
 * shortcut or the engine did not answer (the caller then runs the CLI).
 */
export async function runShortcut(
  socket: string,
  args: readonly string[]
): Promise<DockerResult | undefined> {
  const shortcut = shortcutFor(args)
  if (shortcut === undefined) return undefined
  const answer = await askEngine(socket, shortcut.method, shortcut.path)
  if (answer === undefined) return undefined
  if (answer.status < 200 || answer.status > 299) {
    return { exitCode: 1, stdout: '', stderr: daemonError(answer.body) }
  }
  const stdout = shortcut.stdout(answer)
  return stdout === undefined ? undefined : { exitCode: 0, stdout, stderr: '' }
}
