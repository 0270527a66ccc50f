// Captures what the step writes to stdout (logs and workflow commands) instead of printing it.
import { vi } from 'vitest'

/** Mocks process.stdout.write until vi.restoreAllMocks(); call the result to read what was written. */
export function captureStdout(): () => string {
  const written: string[] = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(Buffer.from(chunk).toString('utf8'))
    return true
  })
  return () => written.join('')
}
