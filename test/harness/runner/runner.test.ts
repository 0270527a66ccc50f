import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runAction, type ActionRun, type ActionRunOptions, type StepResult } from './runner.js'

const root = mkdtempSync(join(tmpdir(), 'runner-emulation-'))
afterAll(() => {
  rmSync(root, { recursive: true, force: true })
})

/** Lets a step's script write a file command: `command('GITHUB_ENV', 'X=1')`. */
const PRELUDE = `const fs = require('node:fs')
const command = (name, text) => fs.appendFileSync(process.env[name], text + '\\n')
`
/** A post script that prints its environment as JSON, for `envOf`. */
const PRINT_ENV = 'console.log(JSON.stringify(process.env))'

let actions = 0

/** A node24 action in a folder of its own: main.cjs and post.cjs run the given code. */
function fakeAction(main: string, post = PRINT_ENV, postIf?: string): string {
  const dir = join(root, `action-${++actions}`)
  mkdirSync(dir)
  const runs = ['using: node24', 'main: main.cjs', 'post: post.cjs']
  if (postIf !== undefined) runs.push(`post-if: ${JSON.stringify(postIf)}`)
  writeFileSync(
    join(dir, 'action.yml'),
    `name: fake\nruns:\n${runs.map((l) => `  ${l}\n`).join('')}`
  )
  writeFileSync(join(dir, 'main.cjs'), PRELUDE + main)
  writeFileSync(join(dir, 'post.cjs'), PRELUDE + post)
  return dir
}

function run(action: string, options: Partial<ActionRunOptions> = {}): Promise<ActionRun> {
  return runAction({
    action,
    workspace: root,
    runner: { node: process.execPath, env: { HOME: root, PATH: process.env.PATH ?? '/usr/bin' } },
    ...options
  })
}

function envOf(step: StepResult | undefined): Record<string, string | undefined> {
  if (step === undefined) throw new Error('the post step did not run')
  return JSON.parse(step.stdout) as Record<string, string | undefined>
}

describe('the runner emulation runs the post step as actions/runner does', () => {
  it('runs post after a failing main when action.yml gives no post-if (always())', async () => {
    const result = await run(fakeAction('process.exit(1)'))
    expect(result.main.exitCode).toBe(1)
    expect(result.post?.exitCode).toBe(0)
    expect(result.postSkipped).toBe(false)
  })

  it.each([
    ['success()', 0, false, true],
    ['success()', 1, false, false],
    ['failure()', 1, false, true],
    ['failure()', 0, false, false],
    ['cancelled()', 1, true, true],
    ['cancelled()', 1, false, false],
    ['success() || failure()', 1, true, false]
  ])(
    'post-if %s after main exits %i (cancelled: %s) runs post: %s',
    async (postIf, exitCode, cancelled, runs) => {
      const result = await run(fakeAction(`process.exit(${exitCode})`, PRINT_ENV, postIf), {
        cancelled
      })
      expect(result.post === undefined).toBe(!runs)
      expect(result.postSkipped).toBe(!runs)
    }
  )

  it.each([
    ['true', true],
    ['false', false]
  ])(
    "post-if env.X == 'true' sees X=%s that main wrote to GITHUB_ENV: runs post %s",
    async (value, runs) => {
      const result = await run(
        fakeAction(`command('GITHUB_ENV', 'X=${value}')`, PRINT_ENV, "env.X == 'true'")
      )
      expect(result.postSkipped).toBe(!runs)
    }
  )

  it('reads the github and runner contexts of the emulated run in post-if', async () => {
    const condition =
      "github.event_name == 'pull_request' && github.sha == 'abc' && runner.os == 'Linux'"
    const result = await run(fakeAction('', PRINT_ENV, condition), {
      eventName: 'pull_request',
      env: { GITHUB_SHA: 'abc' }
    })
    expect(result.post?.exitCode).toBe(0)
  })

  it('throws when post-if is not a valid expression', async () => {
    await expect(run(fakeAction('', PRINT_ENV, 'always('))).rejects.toThrow(
      "runs.post-if 'always(' is not a valid expression"
    )
  })

  it('runs no post step and skips none with runPost: false', async () => {
    const result = await run(fakeAction(''), { runPost: false })
    expect(result.post).toBeUndefined()
    expect(result.postSkipped).toBe(false)
  })
})

describe('the runner emulation gives later steps what GITHUB_ENV and GITHUB_PATH set', () => {
  it('gives the post step the variables main wrote to GITHUB_ENV, a heredoc included', async () => {
    const result = await run(
      fakeAction(
        `command('GITHUB_ENV', 'A=1')\ncommand('GITHUB_ENV', 'B<<EOF\\ntwo\\nlines\\nEOF')`
      )
    )
    expect(envOf(result.post)).toMatchObject({ A: '1', B: 'two\nlines' })
  })

  it('keeps the step’s own env over what GITHUB_ENV set', async () => {
    const result = await run(fakeAction(`command('GITHUB_ENV', 'X=exported')`), {
      env: { X: 'step' }
    })
    expect(envOf(result.post).X).toBe('step')
  })

  it('lets GITHUB_ENV override none of the runner’s own variables', async () => {
    const result = await run(
      fakeAction(`command('GITHUB_ENV', 'GITHUB_SHA=forged\\nGITHUB_OUTPUT=/tmp/forged')`)
    )
    expect(envOf(result.post).GITHUB_SHA).toBe('0'.repeat(40))
    expect(envOf(result.post).GITHUB_OUTPUT).not.toBe('/tmp/forged')
  })

  it('refuses NODE_OPTIONS from GITHUB_ENV with the runner’s error; the step still passes', async () => {
    const result = await run(
      fakeAction(`command('GITHUB_ENV', 'NODE_OPTIONS=--require=/nonexistent.js\\nKEPT=1')`)
    )
    expect(result.main.exitCode).toBe(0)
    expect(result.main.files.errors).toEqual([
      "::error::Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command."
    ])
    expect(envOf(result.post)).toMatchObject({ KEPT: '1' })
    expect(envOf(result.post)).not.toHaveProperty('NODE_OPTIONS')
  })

  it('puts the directories main wrote to GITHUB_PATH first in the post step’s PATH', async () => {
    const result = await run(
      fakeAction(`command('GITHUB_PATH', '/opt/a')\ncommand('GITHUB_PATH', '/opt/b')`)
    )
    expect(envOf(result.post).PATH).toBe(`/opt/b:/opt/a:${process.env.PATH ?? '/usr/bin'}`)
  })
})

describe('the runner emulation gives each step file commands of its own', () => {
  const FILES = [
    'GITHUB_OUTPUT',
    'GITHUB_STATE',
    'GITHUB_ENV',
    'GITHUB_PATH',
    'GITHUB_STEP_SUMMARY'
  ]
  const printFiles = `console.log(JSON.stringify(${JSON.stringify(FILES)}.map((n) => process.env[n])))`

  it('names fresh files for post and removes main’s', async () => {
    const result = await run(fakeAction(printFiles, printFiles))
    const main = JSON.parse(result.main.stdout) as string[]
    const post = JSON.parse(result.post?.stdout ?? '[]') as string[]
    expect(post).toHaveLength(FILES.length)
    for (const [index, file] of post.entries()) expect(file).not.toBe(main[index])
    expect(main.some((file) => existsSync(file))).toBe(false)
  })

  it('keeps main’s outputs and state as the run’s, post’s apart', async () => {
    const result = await run(
      fakeAction(
        `command('GITHUB_OUTPUT', 'digest=main')\ncommand('GITHUB_STATE', 'dir=/main')`,
        `command('GITHUB_OUTPUT', 'digest=post')\ncommand('GITHUB_STATE', 'dir=/post')`
      )
    )
    expect(result.outputs).toEqual({ digest: 'main' })
    expect(result.state).toEqual({ dir: '/main' })
    expect(result.post?.files.outputs).toEqual({ digest: 'post' })
  })

  it('gives post main’s state as STATE_*', async () => {
    const result = await run(fakeAction(`command('GITHUB_STATE', 'dir=/main')`))
    expect(envOf(result.post).STATE_dir).toBe('/main')
  })

  it('makes the job summary main’s step summary followed by post’s', async () => {
    const result = await run(
      fakeAction(
        `command('GITHUB_STEP_SUMMARY', '### Main')`,
        `command('GITHUB_STEP_SUMMARY', '### Post')`
      )
    )
    expect(result.main.files.summary).toBe('### Main\n')
    expect(result.summary).toBe('### Main\n### Post\n')
  })
})
