import { describe, expect, it } from 'vitest'
import { digestFromPushOutput, isRegistryServerError } from '../../src/pipeline/image-push.js'
import { describeCommand } from '../../src/pipeline/image-test.js'

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

describe('isRegistryServerError', () => {
  it.each([
    [
      'unexpected status from HEAD request to http://r/v2/a/manifests/t: 500 Internal Server Error',
      true
    ],
    ['received unexpected HTTP status: 503 Service Unavailable', true],
    ['unexpected status from PUT request to http://r/v2/a/manifests/t: 401 Unauthorized', false],
    ['denied: requested access to the resource is denied', false],
    ['500 Internal Server Error\nunauthorized: authentication required', false]
  ])('%j: %s', (output, expected) => {
    expect(isRegistryServerError(output)).toBe(expected)
  })
})
