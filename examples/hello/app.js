// The HTTP handler, apart from listening, so tests can start it on any port.
import { createServer } from 'node:http'
import { greeting } from './greeting.js'

export function createApp(revision = process.env.REVISION) {
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (url.pathname === '/healthz') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n')
      return
    }
    if (url.pathname === '/' && request.method === 'GET') {
      const body = JSON.stringify(greeting(url.searchParams.get('name'), revision))
      response.writeHead(200, { 'content-type': 'application/json' }).end(body)
      return
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n')
  })
}
