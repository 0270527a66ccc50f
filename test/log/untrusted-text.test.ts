import { describe, expect, it } from 'vitest'
import { untrustedText } from '../../src/log/untrusted-text.js'
import { noCommands, readWorkflowCommands } from '../harness/runner/workflow-commands.js'

describe('untrustedText', () => {
  it.each([
    ['a digest, unchanged', 'sha256:0123abcd', 'sha256:0123abcd'],
    ['a number', 3400000005, '3400000005'],
    ['newlines, escaped', 'a\n::set-output name=x::y', 'a\\n::set-output name=x::y'],
    ['carriage returns, escaped', 'a\r::error::b', 'a\\r::error::b'],
    ['tabs and escape sequences', '\t\u001b[31mred', '\\t\\u001b[31mred'],
    ['Unicode line separators', 'a\u2028b\u0085c', 'a\\u2028b\\u0085c'],
    ['a leading ::', '::add-mask::x', '\\::add-mask::x'],
    ['a leading :: after spaces', '  \u00a0::error::x', '\\  \u00a0::error::x'],
    ['the legacy ##[ anywhere', 'ok ##[set-output name=x;]y', 'ok ##\\[set-output name=x;]y'],
    ['backslashes, doubled', 'C:\\n', 'C:\\\\n'],
    ['an escape it could be mistaken for', '##\\[x]', '##\\\\[x]']
  ])('prints %s', (_, value, printed) => {
    expect(untrustedText(value)).toBe(printed)
  })

  it('caps the value, marking the cut', () => {
    expect(untrustedText('x'.repeat(500), 10)).toBe(`${'x'.repeat(10)}…`)
  })

  it('counts characters, not UTF-16 units, so no emoji is cut in half', () => {
    expect(untrustedText('😀😀😀', 2)).toBe('😀😀…')
  })

  it.each([
    '::set-output name=digest::sha256:evil',
    ' \t::save-state name=dockerConfig::/',
    'x\n::add-mask::sha256',
    'x\r##[error]planted',
    '##[warning]planted',
    ':',
    '\u2028::error::x'
  ])('cannot issue a workflow command, alone or after a prefix: %j', (value) => {
    for (const line of [untrustedText(value), `deployment ${untrustedText(value)}`]) {
      expect(line).not.toMatch(/[\r\n]/)
      expect(readWorkflowCommands(line)).toEqual(noCommands())
    }
  })
})
