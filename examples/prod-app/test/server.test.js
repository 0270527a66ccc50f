import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { getJson } from '../devtools/request.js'
import { startServer } from '../src/server.js'

let server

before(async () => {
  server = await startServer(0, '127.0.0.1')
})

after(() => {
  server.close()
})

test('serves the health check over HTTP', async () => {
  assert.deepEqual(await getJson(server.address().port, '/healthz'), {
    status: 200,
    body: { ok: true }
  })
})
