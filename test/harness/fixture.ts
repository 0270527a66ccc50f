// The vitest fixture integration tests ask for what they need: the test engine and registries, a GitHub
// double, a counting registry proxy and the build/promote/rollback runners.
import { test } from 'vitest'
import { REPOSITORY } from './actions.js'
import { startCountingProxy } from './registry/counting-proxy.js'
import { openHarness } from './session.js'
import { testEnv } from './test-env.js'

/**
 * Each fixture is set up once per file (so `it.beforeAll` gets it too), only when a test or hook asks
 * for it. After every test the GitHub double must have seen nothing api.github.com would refuse.
 */
export const it = test
  .extend('env', { scope: 'worker' }, () => testEnv())
  .extend('harness', { scope: 'file' }, async ({ env }, { onCleanup }) => {
    const harness = await openHarness(REPOSITORY, [], env)
    onCleanup(() => harness.close())
    return harness
  })
  .extend('github', { scope: 'file' }, ({ harness }) => harness.github)
  .extend('build', { scope: 'file' }, ({ harness }) => harness.build)
  .extend('promote', { scope: 'file' }, ({ harness }) => harness.promote)
  .extend('rollback', { scope: 'file' }, ({ harness }) => harness.rollback)
  .extend('merge', { scope: 'file' }, ({ harness }) => harness.merge)
  .extend('proxy', { scope: 'file' }, async ({ env }, { onCleanup }) => {
    const proxy = await startCountingProxy(env.registry)
    onCleanup(() => proxy.close())
    return proxy
  })
  .extend('githubKeptToItsDescription', { auto: true }, ({ github }, { onCleanup }) => {
    onCleanup(() => {
      github.assertNoViolations()
    })
  })
