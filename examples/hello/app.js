// The HTTP handler, apart from listening, so tests can start it on any port.
import { createServer } from 'node:http'
import { greeting } from './greeting.js'

export function createApp(revision = process.env.REVISION) {
  return createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost')
    if (request.method === 'GET' && pathname === '/') {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify(greeting(revision)))
    } else if (request.method === 'GET' && pathname === '/healthz') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n')
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n')
    }
  })
}
