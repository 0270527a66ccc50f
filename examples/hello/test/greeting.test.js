import assert from 'node:assert/strict'
import { test } from 'node:test'
import { greeting } from '../greeting.js'

test('says hello with the revision it runs', () => {
  assert.deepEqual(greeting('5d5a1c9'), { message: 'hello', revision: '5d5a1c9' })
})

test('says the revision is unknown when none is set', () => {
  assert.deepEqual(greeting(undefined), { message: 'hello', revision: 'unknown' })
})
