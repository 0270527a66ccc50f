// What the service answers on GET /: a pure function, so it is tested without a server.
export function greeting(revision) {
  return { message: 'hello', revision: revision ?? 'unknown' }
}
