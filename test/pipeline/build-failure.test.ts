// A failed build's message: one escaped line for the log, the build's words as they are for Markdown.
import { describe, expect, it } from 'vitest'
import { BuildFailedError } from '../../src/pipeline/build-failure.js'

const SUMMARY = 'ERROR: failed to solve: process "/bin/sh -c echo \\"hi\\"" exit code: 3'

describe('BuildFailedError', () => {
  it('quotes the build’s error line in the step’s message, escaped for the log', () => {
    const error = new BuildFailedError('the image build', 1, { summary: SUMMARY, lines: [] })
    expect(error.message).toBe(
      'the image build failed (docker exit 1): ERROR: failed to solve: process "/bin/sh -c echo \\\\"hi\\\\"" exit code: 3; nothing was pushed'
    )
    expect(error.unescapedMessage).toBe(
      `the image build failed (docker exit 1): ${SUMMARY}; nothing was pushed`
    )
  })

  it('cannot start a workflow command in the log, and keeps at most 300 characters', () => {
    const hostile = `::set-env name=X::1 ##[set-output name=y]z ${'x'.repeat(400)}`
    const error = new BuildFailedError('the build of the test stage test', 2, {
      summary: hostile,
      lines: []
    })
    expect(error.message).toMatch(/^the build of the test stage test failed \(docker exit 2\): /)
    expect(error.message).toContain('##\\[set-output')
    expect(error.message).toMatch(/x…; nothing was pushed$/)
    expect(error.unescapedMessage).toMatch(/x…; nothing was pushed$/)
    expect(error.unescapedMessage.length).toBeLessThan(400)
  })
})
