import { describe, expect, it } from 'vitest'
import { digestFromPushOutput } from '../../src/build/image-push.js'
import { describeCommand } from '../../src/build/image-test.js'

describe('digestFromPushOutput', () => {
  it('reads the digest docker push prints last', () => {
    const digest = `sha256:${'e'.repeat(64)}`
    expect(digestFromPushOutput(`abc: Pushed\nsha-1: digest: ${digest} size: 1150\n`)).toBe(digest)
  })

  it('gives nothing when the output has no digest', () => {
    expect(digestFromPushOutput('Everything up-to-date')).toBeUndefined()
  })
})

describe('describeCommand', () => {
  it('shows a shell command as written and an exec-form command as JSON', () => {
    expect(describeCommand(['/bin/sh', '-c', 'npm test'])).toBe('npm test')
    expect(describeCommand(['npm', 'test'])).toBe('["npm","test"]')
  })
})
