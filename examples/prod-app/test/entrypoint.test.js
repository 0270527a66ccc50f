// test-command bypasses the image's ENTRYPOINT; these tests call the script themselves.
import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { test } from 'node:test'

const entrypoint = fileURLToPath(new URL('../bin/entrypoint.sh', import.meta.url))

test('hands over to the command, marking that it ran', () => {
  const out = execFileSync(entrypoint, ['node', '-p', 'process.env.APP_STARTED_BY'], {
    env: { ...process.env, PORT: '8080' },
    encoding: 'utf8'
  })
  assert.equal(out.trim(), 'entrypoint')
})

test('refuses a PORT that is not a number', () => {
  const run = spawnSync(entrypoint, ['true'], {
    env: { ...process.env, PORT: 'eighty' },
    encoding: 'utf8'
  })
  assert.equal(run.status, 64)
  assert.match(run.stderr, /PORT must be a port number/)
})
