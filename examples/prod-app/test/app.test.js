import assert from 'node:assert/strict'
import { test } from 'node:test'
import { handle } from '../src/app.js'

test('answers the health check', () => {
  assert.deepEqual(handle({ url: '/healthz' }), { status: 200, body: { ok: true } })
})

test('says which environment it runs in and what started it', () => {
  const { body } = handle({ url: '/' }, { NODE_ENV: 'production', APP_STARTED_BY: 'entrypoint' })
  assert.deepEqual(body, {
    service: 'prod-app',
    environment: 'production',
    startedBy: 'entrypoint'
  })
})

test('answers 404 for an unknown path', () => {
  assert.equal(handle({ url: '/nope' }).status, 404)
})
