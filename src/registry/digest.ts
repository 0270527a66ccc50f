// Content digests: the OCI grammar, the algorithms we can check, and checking bytes against one.
import { registryText } from './errors.js'
import type { Digest } from './reference.js'

// node:crypto takes about 10 ms to load, a tenth of a promotion: it is loaded when first hashed
// with, or by loadHashingWhileWaiting while the first requests are in flight.
const crypto = (): typeof import('node:crypto') => process.getBuiltinModule('node:crypto')

/** Loads node:crypto once the requests already started are on their way, before their answers. */
export function loadHashingWhileWaiting(): void {
  setImmediate(crypto)
}

/** `algorithm:encoded` as the OCI image spec writes it, before any algorithm is known. */
const OCI_DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/
const MAX_DIGEST_LENGTH = 256

/** The algorithms we can verify, each with its encoding: lower-case hex of the hash's length. */
const ALGORITHMS: Readonly<Record<string, RegExp>> = {
  sha256: /^[a-f0-9]{64}$/,
  sha512: /^[a-f0-9]{128}$/
}

export class DigestError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DigestError'
  }
}

export function matchesDigestGrammar(value: string): boolean {
  return value.length <= MAX_DIGEST_LENGTH && OCI_DIGEST.test(value)
}

export function sha256Digest(bytes: Uint8Array): Digest {
  return `sha256:${crypto().createHash('sha256').update(bytes).digest('hex')}` as Digest
}

/**
 * A digest someone else wrote (a registry header, a manifest), checked before use: it must follow
 * the grammar and name an algorithm we can verify, with a well-formed encoding.
 */
export function parseVerifiableDigest(value: string, what: string): string {
  if (!matchesDigestGrammar(value)) {
    throw new DigestError(`${what} is not a digest: '${registryText(value)}'`)
  }
  const colon = value.indexOf(':')
  const algorithm = value.slice(0, colon)
  const encoding = ALGORITHMS[algorithm]
  if (encoding === undefined) {
    throw new DigestError(
      `${what} uses the digest algorithm '${registryText(algorithm)}', which cannot be verified (sha256 and sha512 can)`
    )
  }
  if (!encoding.test(value.slice(colon + 1))) {
    throw new DigestError(`${what} is not a valid ${algorithm} digest: '${registryText(value)}'`)
  }
  return value
}

/** True when the bytes hash to the digest under the algorithm the digest names. */
export function bytesMatchDigest(bytes: Uint8Array, digest: string, what: string): boolean {
  const verified = parseVerifiableDigest(digest, what)
  const colon = verified.indexOf(':')
  const algorithm = verified.slice(0, colon)
  return crypto().createHash(algorithm).update(bytes).digest('hex') === verified.slice(colon + 1)
}
