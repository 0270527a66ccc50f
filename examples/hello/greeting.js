// What the service says: a pure function, so it is tested without a server.
export function greeting(name, revision) {
  const who = typeof name === 'string' && name.trim() !== '' ? name.trim() : 'world'
  return { message: `hello, ${who}`, revision: revision ?? 'unknown' }
}
