// The service's routes, as a plain request handler the tests call without a network.

export function handle(request, env = process.env) {
  const url = new URL(request.url ?? '/', 'http://localhost')
  if (url.pathname === '/healthz') return { status: 200, body: { ok: true } }
  if (url.pathname === '/') {
    return {
      status: 200,
      body: {
        service: 'prod-app',
        environment: env.NODE_ENV ?? null,
        startedBy: env.APP_STARTED_BY ?? null
      }
    }
  }
  return { status: 404, body: { error: `no route ${url.pathname}` } }
}
