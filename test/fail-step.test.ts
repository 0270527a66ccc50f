import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { ActionError, InputError } from '../src/errors.js'
import { failStep } from '../src/fail-step.js'
import { registryError } from '../src/registry/errors.js'

let stdout: MockInstance<typeof process.stdout.write>

function printed(): string {
  return stdout.mock.calls.map(([chunk]) => String(chunk)).join('')
}

beforeEach(() => {
  stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

afterEach(() => {
  stdout.mockRestore()
  vi.unstubAllEnvs()
  process.exitCode = undefined
})

describe('failStep', () => {
  it.each([
    ['an input error', new InputError('push', "must be 'true' or 'false'")],
    ['an action error', new ActionError('the tests failed with exit code 1: nothing was pushed')],
    ['a registry error', registryError('ghcr.io', 'acme/web', 'registry ghcr.io: denied')]
  ])('reports %s as its one line, without a stack', (_kind, error) => {
    failStep(error)
    expect(printed()).toBe(`::error::${error.message}\n`)
    expect(process.exitCode).toBe(1)
  })

  it('fails the step with a bug’s message and keeps its stack for the debug log', () => {
    const bug = new RangeError('Invalid array length')
    failStep(bug)
    expect(printed()).toContain('::debug::RangeError: Invalid array length')
    expect(printed()).toContain('::error::Invalid array length\n')
  })

  it('fails the step when something other than an Error is thrown', () => {
    failStep({ reason: 'odd' })
    expect(printed()).toBe('::error::[object Object]\n')
    expect(process.exitCode).toBe(1)
  })
})
