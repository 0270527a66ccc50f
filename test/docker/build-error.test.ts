// The build's own error, found in real buildx 0.13 and classic builder output (docker 26.1, test engine).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildError } from '../../src/docker/build-error.js'

function output(name: string): string {
  return readFileSync(join(import.meta.dirname, '../fixtures/build-output', `${name}.txt`), 'utf8')
}

const FAILING_RUN = 'RUN echo "compiling app.js" && echo "app.js:3: syntax error" >&2 && exit 3'

describe('buildError', () => {
  it.each([
    [
      'buildx-run',
      'buildx',
      `ERROR: failed to solve: process "/bin/sh -c echo \\"compiling app.js\\" && echo \\"app.js:3: syntax error\\" >&2 && exit 3" did not complete successfully: exit code: 3`
    ],
    ['buildx-target', 'buildx', 'ERROR: failed to solve: target stage "nope" could not be found'],
    [
      'buildx-syntax',
      'buildx',
      'ERROR: failed to solve: dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)'
    ],
    [
      'classic-run',
      'classic',
      `The command '/bin/sh -c echo "compiling app.js" && echo "app.js:3: syntax error" >&2 && exit 3' returned a non-zero code: 3`
    ],
    [
      'classic-target',
      'classic',
      'Error response from daemon: target stage "nope" could not be found'
    ],
    [
      'classic-copy',
      'classic',
      'COPY failed: file not found in build context or excluded by .dockerignore: stat missing.txt: file does not exist'
    ]
  ] as const)('sums %s up in the builder’s own error line', (name, builder, summary) => {
    expect(buildError(output(name), builder).summary).toBe(summary)
  })

  it('quotes a failing buildx RUN: the step, its log, the Dockerfile lines and the error', () => {
    expect(buildError(output('buildx-run'), 'buildx').lines).toEqual([
      `[app 1/2] ${FAILING_RUN}`,
      'compiling app.js',
      'app.js:3: syntax error',
      'Dockerfile:4',
      '--------------------',
      '   2 |     RUN echo step one',
      '   3 |     FROM base AS app',
      `   4 | >>> ${FAILING_RUN}`,
      '   5 |     RUN echo never',
      '   6 |',
      '--------------------',
      expect.stringMatching(/^ERROR: failed to solve: process .* exit code: 3$/)
    ])
  })

  it('keeps the last 20 lines of a long buildx step, saying how many came before', () => {
    const { lines } = buildError(output('buildx-long'), 'buildx')
    expect(lines[1]).toBe('(31 lines before)')
    expect(lines.slice(2, 4)).toEqual(['test line 32', 'test line 33'])
    expect(lines[21]).toBe('FAIL: expected 2, got 3')
    expect(lines.some((line) => line.includes('test line 31'))).toBe(false)
  })

  it('names the COPY step buildx could not run, with no log of its own', () => {
    const { lines } = buildError(output('buildx-copy'), 'buildx')
    expect(lines[0]).toBe('[2/2] COPY missing.txt /')
    expect(lines[1]).toBe('Dockerfile:2')
    expect(lines.at(-1)).toMatch(/"\/missing\.txt": not found$/)
  })

  it('quotes only the error when buildx failed before any step', () => {
    expect(buildError(output('buildx-target'), 'buildx').lines).toEqual([
      'ERROR: failed to solve: target stage "nope" could not be found'
    ])
  })

  it('quotes the classic builder’s failing step and its output, without its progress lines', () => {
    expect(buildError(output('classic-run'), 'classic').lines).toEqual([
      `Step 4/5 : ${FAILING_RUN}`,
      'app.js:3: syntax error',
      'compiling app.js',
      `The command '/bin/sh -c echo "compiling app.js" && echo "app.js:3: syntax error" >&2 && exit 3' returned a non-zero code: 3`
    ])
  })

  it('quotes the daemon’s refusal when the classic builder ran no step', () => {
    expect(buildError(output('classic-syntax'), 'classic').lines).toEqual([
      'Error response from daemon: dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)'
    ])
  })

  it('falls back to the last ten lines of an output of neither shape', () => {
    const text = Array.from({ length: 30 }, (_, index) => `line ${index + 1}`).join('\n')
    const { summary, lines } = buildError(text, 'buildx')
    expect(summary).toBe('line 30')
    expect(lines).toEqual(Array.from({ length: 10 }, (_, index) => `line ${index + 21}`))
  })

  it('takes a build step’s own ERROR line for its log, not for the build’s error', () => {
    const text =
      '#5 [2/2] RUN make\n#5 0.1 ERROR: make: no rule\n#5 ERROR: process "make" exit code: 2\nERROR: failed to solve: process "make" exit code: 2\n'
    const { summary, lines } = buildError(text, 'buildx')
    expect(summary).toBe('ERROR: failed to solve: process "make" exit code: 2')
    expect(lines).toEqual(['[2/2] RUN make', 'ERROR: make: no rule', summary])
  })

  it('caps what a hostile build prints: 40 lines of 500 characters, colours stripped', () => {
    const long = `\u001b[31m${'x'.repeat(2000)}\u001b[0m`
    const text = Array.from({ length: 100 }, () => long).join('\n')
    const { summary, lines } = buildError(`Step 1/1 : RUN x\n${text}`, 'classic')
    expect(lines.length).toBeLessThanOrEqual(40)
    expect(summary).toBe(`${'x'.repeat(500)}…`)
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(501)
  })

  it('says so when the build printed nothing', () => {
    expect(buildError('', 'buildx')).toEqual({ summary: 'the build printed nothing', lines: [] })
  })
})
