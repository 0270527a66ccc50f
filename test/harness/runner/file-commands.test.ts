import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileCommandDirectory, readStepFiles, type StepFiles } from './file-commands.js'

function stepFiles(contents: Partial<Record<keyof StepFiles, string>>): StepFiles {
  const files = new FileCommandDirectory(mkdtempSync(join(tmpdir(), 'file-commands-'))).nextStep()
  for (const [name, text] of Object.entries(contents))
    writeFileSync(files[name as keyof StepFiles], text)
  return files
}

describe('the runner emulation reads file commands as FileCommandManager does', () => {
  it('names each step’s files as the runner does, in RUNNER_TEMP/_runner_file_commands', () => {
    const runnerTemp = mkdtempSync(join(tmpdir(), 'file-commands-'))
    const files = new FileCommandDirectory(runnerTemp).nextStep()
    const suffix = /set_env_([0-9a-f-]{36})$/.exec(files.GITHUB_ENV)?.[1] ?? 'missing'
    expect(Object.values(files).map((file) => basename(file))).toEqual(
      ['set_output_', 'save_state_', 'set_env_', 'add_path_', 'step_summary_'].map(
        (p) => p + suffix
      )
    )
    expect(dirname(files.GITHUB_ENV)).toBe(join(runnerTemp, '_runner_file_commands'))
    expect(Object.values(files).map((file) => readFileSync(file, 'utf8'))).toEqual(
      Array(5).fill('')
    )
  })

  it('gives the next step new empty files and deletes the previous step’s', () => {
    const directory = new FileCommandDirectory(mkdtempSync(join(tmpdir(), 'file-commands-')))
    const main = directory.nextStep()
    writeFileSync(main.GITHUB_OUTPUT, 'a=1\n')
    const post = directory.nextStep()
    expect(Object.values(main).some((file) => existsSync(file))).toBe(false)
    expect(readStepFiles(post).outputs).toEqual({})
  })

  it('reads outputs, state, env and the summary', () => {
    const read = readStepFiles(
      stepFiles({
        GITHUB_OUTPUT: 'digest=sha256:a\n',
        GITHUB_STATE: 'dir<<EOF\n/tmp/x\nEOF\n',
        GITHUB_ENV: 'A=1\nB<<EOF\nline one\nline two\nEOF\n',
        GITHUB_STEP_SUMMARY: '### Built\n'
      })
    )
    expect(read).toEqual({
      outputs: { digest: 'sha256:a' },
      state: { dir: '/tmp/x' },
      env: { A: '1', B: 'line one\nline two' },
      path: [],
      summary: '### Built\n',
      errors: []
    })
  })

  it.each([
    ['NODE_OPTIONS=--require=/tmp/evil.js\nKEPT=1\n'],
    ['node_options=--require=/tmp/evil.js\nKEPT=1\n'],
    ['NODE_OPTIONS<<EOF\n--require=/tmp/evil.js\nEOF\nKEPT=1\n']
  ])(
    'refuses NODE_OPTIONS from GITHUB_ENV with the runner’s error, keeping the rest: %j',
    (text) => {
      const read = readStepFiles(stepFiles({ GITHUB_ENV: text }))
      expect(read.env).toEqual({ KEPT: '1' })
      expect(read.errors).toEqual([
        "::error::Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command."
      ])
    }
  )

  it('reads GITHUB_PATH a directory a line, at CRLF, LF or CR, skipping empty lines', () => {
    const read = readStepFiles(stepFiles({ GITHUB_PATH: '/a\r\n\n/b\r/c\n' }))
    expect(read.path).toEqual(['/a', '/b', '/c'])
  })
})
