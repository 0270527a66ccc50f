import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  bytesMatchDigest,
  matchesDigestGrammar,
  parseVerifiableDigest
} from '../../src/registry/digest.js'

const bytes = Buffer.from('{"schemaVersion":2}')
const sha256 = `sha256:${createHash('sha256').update(bytes).digest('hex')}`
const sha512 = `sha512:${createHash('sha512').update(bytes).digest('hex')}`

describe('matchesDigestGrammar', () => {
  it.each([
    [sha256, true],
    ['multihash+base58:QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8', true],
    ['sha256+b64u:LCa0a2j_xo_5m0U8HTBBNBNCLXBkg7-g-YpeiGJm564', true],
    ['sha256:../../other/app/manifests/latest', false],
    ['sha256:abc\n::error::x', false],
    ['SHA256:abc', false],
    ['sha256', false],
    [`sha256:${'a'.repeat(300)}`, false]
  ])('%j → %s', (value, expected) => {
    expect(matchesDigestGrammar(value)).toBe(expected)
  })
})

describe('bytesMatchDigest', () => {
  it('verifies sha256 and sha512 with the algorithm each names', () => {
    expect(bytesMatchDigest(bytes, sha256, 'x')).toBe(true)
    expect(bytesMatchDigest(bytes, sha512, 'x')).toBe(true)
    expect(bytesMatchDigest(Buffer.from('other'), sha512, 'x')).toBe(false)
    expect(bytesMatchDigest(Buffer.from('other'), sha256, 'x')).toBe(false)
  })

  it('refuses an algorithm it cannot verify instead of trusting it', () => {
    expect(() => bytesMatchDigest(bytes, 'blake3:abcd', 'the manifest')).toThrow(
      "the manifest uses the digest algorithm 'blake3', which cannot be verified (sha256 and sha512 can)"
    )
  })

  it('refuses a known algorithm with a malformed encoding', () => {
    expect(() => parseVerifiableDigest('sha256:ABC', 'the header')).toThrow(
      "the header is not a valid sha256 digest: 'sha256:ABC'"
    )
  })

  it('names text that is not a digest on one line', () => {
    expect(() => parseVerifiableDigest('oops\n::set-output name=x::y', 'the header')).toThrow(
      "the header is not a digest: 'oops ::set-output name=x::y'"
    )
  })
})
