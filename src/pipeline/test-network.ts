// Checks that test-network names a network of the engine before anything is built.
import type { Docker } from '../docker/docker.js'
import { InputError } from '../errors.js'
import type { TestSettings } from '../settings/build.js'
import { missingNetwork } from './test-failure.js'

/** Networks every engine has: nothing to ask. */
const BUILT_IN = new Set(['none', 'host'])

/**
 * Fails with an input error when the tests would run and their network does not exist: the build
 * would otherwise run to the end and the container fail to start.
 */
export async function requireTestNetwork(
  docker: Docker,
  test: Pick<TestSettings, 'command' | 'network'>
): Promise<void> {
  if (test.command === undefined || BUILT_IN.has(test.network)) return
  const result = await docker.run(['network', 'inspect', '--format', '{{.Name}}', test.network], {
    silent: true,
    allowFailure: true
  })
  // Any other refusal (the engine failing) is left to `docker run`, which says it in its own words.
  if (result.exitCode !== 0 && /not found|no such network/i.test(result.stderr)) {
    throw new InputError('test-network', missingNetwork(test.network))
  }
}
