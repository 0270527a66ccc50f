// Runs a program with its arguments as an array (never a shell), its output to listeners. Node finds
// the program on PATH itself, without the stat of every PATH entry @actions/exec makes first.
import { constants } from 'node:os'

export interface ToolOptions {
  readonly env?: NodeJS.ProcessEnv
  /** Bytes for stdin, which is closed after them; without them stdin is /dev/null. */
  readonly input?: Buffer
  readonly onStdout?: (chunk: Buffer) => void
  readonly onStderr?: (chunk: Buffer) => void
}

/** The exit code once the program ended and its output was read (128 + n after signal n). */
export function runTool(
  tool: string,
  args: readonly string[],
  options: ToolOptions = {}
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = process.getBuiltinModule('node:child_process').spawn(tool, [...args], {
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      windowsHide: true
    })
    let started = true
    child.on('error', (error) => {
      started = false
      reject(error)
    })
    child.stdout?.on('data', (chunk: Buffer) => options.onStdout?.(chunk))
    child.stderr?.on('data', (chunk: Buffer) => options.onStderr?.(chunk))
    if (options.input !== undefined && child.stdin !== null) {
      // A program that exits without reading its input must not fail the write.
      child.stdin.on('error', () => undefined)
      child.stdin.end(options.input)
    }
    child.on('close', (code, signal) => {
      if (!started) return
      resolve(code ?? 128 + (signal === null ? 0 : constants.signals[signal]))
    })
  })
}
