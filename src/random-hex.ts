// Random names for what a run makes (run tags, test containers, stop tokens). node:crypto is loaded
// when the first name is drawn, not at start: a re-run that reuses its image draws none.

/** `bytes` random bytes as lower-case hex. */
export function randomHex(bytes: number): string {
  return process.getBuiltinModule('node:crypto').randomBytes(bytes).toString('hex')
}
