// Streams untrusted output (docker, the build, the tests) into the log with workflow commands stopped.
import { EOL } from 'node:os'

/** The step's stdout, where the runner reads workflow commands. */
export interface LogSink {
  write(chunk: string | Uint8Array): unknown
}

export type UntrustedWriter = (chunk: string | Uint8Array) => void

/** A token the output cannot guess, fresh for each block as @actions/core's docs ask. */
export function stopCommandsToken(): string {
  // Loaded here, not at start (src/random-hex.ts says why); this module imports nothing of ours.
  return process.getBuiltinModule('node:crypto').randomBytes(16).toString('hex')
}

const LF = 0x0a
const CR = 0x0d

/**
 * Wraps untrusted output in `::stop-commands::<token>` … `::<token>::`. The runner keeps one stopped
 * state per job and `::stop-commands::` does not nest, so overlapping streams share one block, which
 * ends when the last of them does.
 */
export class UntrustedLog {
  private readonly sink: LogSink
  private readonly newToken: () => string
  private token: string | undefined
  private readonly openStreams = new Set<symbol>()
  private atLineStart = true

  // No parameter properties: Node runs this file as it is (type stripping) in the exit test.
  constructor(sink: LogSink, newToken: () => string = stopCommandsToken) {
    this.sink = sink
    this.newToken = newToken
  }

  /**
   * Runs `produce` with a writer whose text the runner shows but never executes. Commands resume
   * when it settles, thrown or not; what is written after that is dropped, never printed unguarded.
   */
  async stream<T>(produce: (write: UntrustedWriter) => Promise<T>): Promise<T> {
    const stream = Symbol('untrusted stream')
    this.open(stream)
    try {
      return await produce((chunk) => {
        if (this.openStreams.has(stream)) this.write(chunk)
      })
    } finally {
      this.close(stream)
    }
  }

  /** Ends the block now, whatever is still streaming: for a process that exits mid-stream. */
  resumeNow(): void {
    if (this.openStreams.size === 0) return
    this.openStreams.clear()
    this.resume()
  }

  private open(stream: symbol): void {
    this.openStreams.add(stream)
    if (this.openStreams.size > 1) return
    this.token = this.newToken()
    this.sink.write(`::stop-commands::${this.token}${EOL}`)
  }

  private write(chunk: string | Uint8Array): void {
    if (chunk.length === 0) return
    this.sink.write(chunk)
    const last = typeof chunk === 'string' ? chunk.charCodeAt(chunk.length - 1) : chunk.at(-1)
    this.atLineStart = last === LF || last === CR
  }

  private close(stream: symbol): void {
    if (!this.openStreams.delete(stream) || this.openStreams.size > 0) return
    this.resume()
  }

  /** The runner reads `::<token>::` only at the start of a line: end a line the output left open. */
  private resume(): void {
    this.sink.write(`${this.atLineStart ? '' : EOL}::${this.token ?? ''}::${EOL}`)
    this.token = undefined
    this.atLineStart = true
  }
}

/** The action's own stdout; a process that exits mid-stream still resumes commands for later steps. */
export const untrustedLog = new UntrustedLog(process.stdout)
process.on('exit', () => {
  untrustedLog.resumeNow()
})
