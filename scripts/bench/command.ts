// Runs a command line tool to completion, its output kept (capped) for the error when it fails.
import { spawn } from 'node:child_process'

const OUTPUT_CAP = 64 * 1024

export interface CommandOptions {
  readonly env?: NodeJS.ProcessEnv
  /** Written to the command's stdin. */
  readonly input?: string
}

/** stdout and stderr together (at most 64 KiB); rejects with the tail when the exit code is not 0. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions = {}
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe']
    })
    let output = ''
    const keep = (chunk: Buffer): void => {
      if (output.length < OUTPUT_CAP) output += chunk.toString('utf8')
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.stdin.on('error', () => undefined)
    child.stdin.end(options.input)
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve(output)
      else
        reject(
          new Error(
            `${command} ${args[0] ?? ''} exited ${code ?? 'on a signal'}: ${output.slice(-400)}`
          )
        )
    })
  })
}
