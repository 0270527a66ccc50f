import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { createApp } from '../app.js'

let server
let base

before(async () => {
  server = createApp('test-revision')
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${server.address().port}`
})

after(() => server.close())

test('answers / with the greeting and its revision as JSON', async () => {
  const response = await fetch(`${base}/`)
  assert.equal(response.status, 200)
  assert.equal(response.headers.get('content-type'), 'application/json')
  assert.deepEqual(await response.json(), { message: 'hello', revision: 'test-revision' })
})

test('answers the health check', async () => {
  const response = await fetch(`${base}/healthz`)
  assert.equal(response.status, 200)
  assert.equal(await response.text(), 'ok\n')
})

test('answers 404 elsewhere', async () => {
  assert.equal((await fetch(`${base}/nope`)).status, 404)
})
