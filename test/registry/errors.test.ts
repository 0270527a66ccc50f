import { describe, expect, it } from 'vitest'
import { parseErrorBody, registryText } from '../../src/registry/errors.js'

describe('registryText', () => {
  it.each([
    ['plain words', 'plain words'],
    ['line one\n::error::planted', 'line one ::error::planted'],
    ['\r\n::add-mask::x', '\\::add-mask::x'],
    ['text ##[error]planted', 'text ##\\[error]planted'],
    ['bell\u0007 and escape\u001b[31m', 'bell and escape [31m'],
    ['bidi \u202eevil', 'bidi evil'],
    ['sep\u2028arated', 'sep arated']
  ])('%j → %j', (text, expected) => {
    expect(registryText(text)).toBe(expected)
  })

  it('caps the text at 200 characters', () => {
    expect(registryText('x'.repeat(5000))).toBe(`${'x'.repeat(200)}…`)
  })
})

describe('parseErrorBody', () => {
  it('makes the code and message one safe line', () => {
    const body = JSON.stringify({
      errors: [{ code: 'DENIED\n::error::x', message: `no\n::warning::y ${'z'.repeat(400)}` }]
    })
    const parsed = parseErrorBody(body)
    expect(parsed.code).toBe('DENIED ::error::x')
    expect(parsed.message).not.toContain('\n')
    expect(parsed.message?.length).toBeLessThanOrEqual(201)
  })

  it('ignores a code that is not text', () => {
    expect(parseErrorBody(JSON.stringify({ errors: [{ code: { a: 1 } }] }))).toEqual({})
  })
})
