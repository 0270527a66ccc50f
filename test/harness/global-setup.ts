// Brings up the real engine and registries before the integration tests; never skips them.
import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { testEnv } from './test-env.js'

export default function setup(): void {
  const root = resolve(import.meta.dirname, '../..')
  execFileSync('bash', [resolve(root, 'scripts/test-env.sh'), 'up'], {
    stdio: 'inherit',
    cwd: root
  })
  // The test workers inherit it: every `docker` a test runs talks to the test engine.
  Object.assign(process.env, testEnv().dockerEnv)
}
