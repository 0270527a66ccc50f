import assert from 'node:assert/strict'
import { test } from 'node:test'
import { greeting } from '../greeting.js'

test('greets the world by default', () => {
  assert.deepEqual(greeting(undefined, 'abc'), { message: 'hello, world', revision: 'abc' })
})

test('greets by name, trimmed', () => {
  assert.equal(greeting('  Ada ', undefined).message, 'hello, Ada')
})
