// Markdown building blocks: fences, inline code and plain text that cannot break out, byte sizes.
import { describe, expect, it } from 'vitest'
import { codeBlock, formatBytes, inlineCode, plainText } from '../../src/render/markdown.js'

describe('markdown', () => {
  it('fences code with more backticks than the text holds', () => {
    expect(codeBlock('a ```` b')).toBe('`````\na ```` b\n`````')
  })

  it('quotes inline code that holds backticks', () => {
    expect(inlineCode('a`b')).toBe('``a`b``')
  })

  it('escapes HTML and defuses mentions in plain text', () => {
    expect(plainText('<b>@octocat</b>')).toBe('&lt;b&gt;@\u200boctocat&lt;/b&gt;')
  })

  it.each([
    [999, '999 B'],
    [1500, '1.5 KB'],
    [123_456_789, '123 MB']
  ])('formatBytes(%i)', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text)
  })
})
