// The engine and registries scripts/test-env.sh brought up, as the integration tests see them.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PROJECT_ROOT } from './project-root.js'

export interface TestEnvironment {
  readonly registry: string
  readonly username: string
  readonly password: string
  readonly openRegistry: string
  readonly runnerNode: string
  /** host:port of the registry that answers with a Bearer challenge, as ghcr.io does. */
  readonly tokenRegistry: string
  /** Base URL of its token service (scripts/token-server.mjs). */
  readonly tokenServer: string
}

const STATE_DIR = process.env.IMMUTABLE_IMAGE_TEST_STATE ?? join(PROJECT_ROOT, '.tmp/test-env')

export function testEnv(): TestEnvironment {
  const values = Object.fromEntries(
    readFileSync(join(STATE_DIR, 'env'), 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [
        line.slice(0, line.indexOf('=')),
        line.slice(line.indexOf('=') + 1).replace(/^['"]|['"]$/g, '')
      ])
  ) as Record<string, string | undefined>
  const get = (key: string): string => {
    const value = values[key]
    if (value === undefined || value === '')
      throw new Error(`${key} missing from ${STATE_DIR}/env: run scripts/test-env.sh up`)
    return value
  }
  return {
    registry: get('IMMUTABLE_IMAGE_TEST_REGISTRY'),
    username: get('IMMUTABLE_IMAGE_TEST_REGISTRY_USER'),
    password: get('IMMUTABLE_IMAGE_TEST_REGISTRY_PASSWORD'),
    openRegistry: get('IMMUTABLE_IMAGE_TEST_OPEN_REGISTRY'),
    runnerNode: get('IMMUTABLE_IMAGE_RUNNER_NODE'),
    tokenRegistry: get('IMMUTABLE_IMAGE_TEST_TOKEN_REGISTRY'),
    tokenServer: get('IMMUTABLE_IMAGE_TEST_TOKEN_SERVER')
  }
}
