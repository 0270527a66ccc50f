// Attacks on the stop-commands block that the first suite does not try: a nested stop, a command
// split across two writes, the legacy form from the build, a carriage return as a line end.
import { randomUUID } from 'node:crypto'
import { describe, expect } from 'vitest'
import { freshRepository, it, makeWorkspace, type ActionRun } from '../harness/index.js'
import { declaredOutputs } from '../harness/action-outputs.js'

const TOKEN = 'ghs_commandvariations'
const ACTION_OUTPUTS = declaredOutputs()

function dockerfile(): string {
  return `FROM immutable-image-base/busybox:1
RUN echo "${randomUUID()}" && echo "##[set-output name=legacy-build;]planted" && printf "::set-output name=build-cr::planted\\r::add-mask::build\\n"
`
}

/** Each attempt either guesses a token or hopes the block can be ended without one. */
const TESTS = [
  'echo "::stop-commands::mine"',
  'echo "::mine::"',
  'echo "::set-output name=after-own-stop::planted"',
  'printf "::set-out"',
  'sleep 0.3',
  'printf "put name=split::planted\\n"',
  'printf "text\\r::set-output name=carriage::planted\\n"',
  'echo "##[set-output name=legacy-test;]planted"',
  'echo "::save-state name=isPost::true"',
  'echo "::endgroup::"',
  'echo "::set-output name=after-endgroup::planted"'
].join('; ')

describe('a build and tests that try to end the stop-commands block themselves', () => {
  let run: ActionRun

  it.beforeAll(async ({ build, env }) => {
    run = await build({
      workspace: makeWorkspace({ Dockerfile: dockerfile() }, { example: false }),
      registry: env.openRegistry,
      repository: freshRepository('variations'),
      login: false,
      token: TOKEN,
      inputs: { 'test-command': TESTS, network: 'host' }
    })
  })

  it('still passes and pushes', () => {
    expect(run.main.exitCode, run.main.stdout).toBe(0)
    expect(run.outputs.pushed).toBe('true')
  })

  it('set no output, state, mask, error or warning of their own', () => {
    expect(Object.keys(run.outputs).sort()).toEqual(ACTION_OUTPUTS)
    expect(Object.values(run.outputs)).not.toContain('planted')
    expect(run.main.commands.outputs).toEqual({})
    expect(run.main.commands.state).toEqual({})
    expect(run.main.commands.masks).toEqual([TOKEN])
    expect(run.errors).toEqual([])
    expect(run.main.commands.warnings).toEqual([])
  })

  it('never see the token of the block they write in', () => {
    // The tests' own `::stop-commands::mine` is shown too, and ignored: commands were stopped.
    const lines = run.main.stdout.split('\n')
    expect(lines).toContain('::stop-commands::mine')
    const tokens = Array.from(
      run.main.stdout.matchAll(/^::stop-commands::([0-9a-f]{32})$/gm),
      (match) => match[1]
    )
    expect(tokens.length).toBeGreaterThan(0)
    for (const token of tokens) {
      // One line opens the block and one ends it: the token appears nowhere else in the log.
      expect(run.main.stdout.split(token ?? '').length - 1).toBe(2)
    }
  })
})
