// Serves the app on PORT until it is told to stop.
import { createServer } from 'node:http'
import { handle } from './app.js'

export function startServer(port = Number(process.env.PORT ?? 8080), host = '0.0.0.0') {
  const server = createServer((request, response) => {
    const { status, body } = handle(request)
    response.writeHead(status, { 'content-type': 'application/json' })
    response.end(JSON.stringify(body))
  })
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startServer()
  console.log(`prod-app listening on ${server.address().port}`)
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => server.close(() => process.exit(0)))
}
