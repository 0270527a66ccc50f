import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as core from '../../src/runner/core.js'
import { captureStdout } from '../harness/fakes/stdout.js'
import { parseFileCommands } from '../harness/runner/runner.js'
import { readWorkflowCommands } from '../harness/runner/workflow-commands.js'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'runner-core-'))
})

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
  process.exitCode = undefined
  rmSync(dir, { recursive: true, force: true })
})

/** An empty file the runner would have named in GITHUB_<command>. */
function runnerFile(command: string): string {
  const path = join(dir, command.toLowerCase())
  writeFileSync(path, '')
  vi.stubEnv(`GITHUB_${command}`, path)
  return path
}

describe('workflowCommand', () => {
  it.each([
    ['warning', {}, 'plain', '::warning::plain'],
    ['warning', {}, '100% sure\r\nnext', '::warning::100%25 sure%0D%0Anext'],
    ['set-output', { name: 'a:b,c' }, 'x', '::set-output name=a%3Ab%2Cc::x'],
    ['error', { title: '', file: 'f' }, 'm', '::error file=f::m'],
    ['debug', {}, undefined, '::debug::'],
    ['debug', {}, { n: 1 }, '::debug::{"n":1}']
  ])('writes %s %j %j as @actions/core does', (name, properties, message, line) => {
    expect(core.workflowCommand(name, properties, message)).toBe(line)
  })
})

describe('getInput', () => {
  it('reads INPUT_<NAME> with spaces as underscores, trimmed', () => {
    vi.stubEnv('INPUT_SHA_FORMAT', '  short \n')
    vi.stubEnv('INPUT_MY_INPUT', 'spaced')
    expect(core.getInput('sha-format')).toBe('')
    expect(core.getInput('SHA_FORMAT')).toBe('short')
    expect(core.getInput('my input')).toBe('spaced')
  })

  it('keeps the whitespace around the value when asked to, as a secret may need', () => {
    vi.stubEnv('INPUT_SECRETS', ' id=a b \n')
    expect(core.getInput('secrets', { trimWhitespace: false })).toBe(' id=a b \n')
    expect(core.getInput('secrets')).toBe('id=a b')
  })

  it('is empty for an input the runner did not pass', () => {
    expect(core.getInput('never-given')).toBe('')
  })
})

describe('file commands', () => {
  it('appends outputs as delimited blocks the runner reads back whole, newlines included', () => {
    const file = runnerFile('OUTPUT')
    core.setOutput('digest', 'sha256:abc')
    core.setOutput('log', 'line one\nname=forged\nline three')
    const text = readFileSync(file, 'utf8')
    expect(text).toMatch(/^digest<<ghadelimiter_[0-9a-f-]{36}\n/)
    expect(parseFileCommands(text)).toEqual({
      digest: 'sha256:abc',
      log: 'line one\nname=forged\nline three'
    })
  })

  it('gives each value a delimiter of its own', () => {
    const file = runnerFile('OUTPUT')
    core.setOutput('a', '1')
    core.setOutput('b', '2')
    const delimiters = readFileSync(file, 'utf8').match(/ghadelimiter_[0-9a-f-]{36}/g) ?? []
    expect(new Set(delimiters).size).toBe(2)
  })

  it('saves state to GITHUB_STATE and reads it back from STATE_<name>', () => {
    const file = runnerFile('STATE')
    core.saveState('isPost', 'true')
    expect(parseFileCommands(readFileSync(file, 'utf8'))).toEqual({ isPost: 'true' })
    vi.stubEnv('STATE_isPost', 'true')
    expect(core.getState('isPost')).toBe('true')
    expect(core.getState('never-saved')).toBe('')
  })

  it('falls back to stdout commands when the runner names no file', () => {
    vi.stubEnv('GITHUB_OUTPUT', '')
    vi.stubEnv('GITHUB_STATE', '')
    const stdout = captureStdout()
    core.setOutput('digest', 'sha256:abc')
    core.saveState('dir', '/tmp/x')
    const commands = readWorkflowCommands(stdout())
    expect(commands.outputs).toEqual({ digest: 'sha256:abc' })
    expect(commands.state).toEqual({ dir: '/tmp/x' })
  })

  it('refuses a file the runner named but did not create', () => {
    vi.stubEnv('GITHUB_OUTPUT', join(dir, 'missing'))
    expect(() => {
      core.setOutput('a', '1')
    }).toThrow(/Missing file at path/)
  })

  it('writes a block as name<<delimiter, the value, the delimiter', () => {
    const block = core.keyValueBlock('name', 'value')
    const delimiter = block.split('\n')[2] ?? ''
    expect(block).toBe(`name<<${delimiter}\nvalue\n${delimiter}`)
    expect(delimiter).toMatch(/^ghadelimiter_/)
  })
})

describe('log commands', () => {
  it('logs, masks, warns and fails the step as the runner reads them', () => {
    const stdout = captureStdout()
    core.info('plain line')
    core.setSecret('hunter2')
    core.warning('careful\nnow')
    core.setFailed('broken')
    const commands = readWorkflowCommands(stdout())
    expect(stdout()).toMatch(/^plain line\n/)
    expect(commands.masks).toEqual(['hunter2'])
    expect(commands.warnings).toEqual(['::warning::careful\nnow'])
    expect(commands.errors).toEqual(['::error::broken'])
    expect(process.exitCode).toBe(1)
  })

  it('ends a group when its body throws', async () => {
    const stdout = captureStdout()
    await expect(
      core.group('Build', () => Promise.reject(new Error('failed inside')))
    ).rejects.toThrow('failed inside')
    expect(stdout()).toBe('::group::Build\n::endgroup::\n')
  })

  it('returns what the group body returns', async () => {
    captureStdout()
    await expect(core.group('Count', () => Promise.resolve(3))).resolves.toBe(3)
  })
})

describe('appendJobSummary', () => {
  it('appends each Markdown block with a line break', async () => {
    const file = runnerFile('STEP_SUMMARY')
    await core.appendJobSummary('# One')
    await core.appendJobSummary('two')
    expect(readFileSync(file, 'utf8')).toBe('# One\ntwo\n')
  })

  it('fails when the runner gives no summary file', async () => {
    vi.stubEnv('GITHUB_STEP_SUMMARY', '')
    await expect(core.appendJobSummary('x')).rejects.toThrow(/GITHUB_STEP_SUMMARY/)
  })
})
