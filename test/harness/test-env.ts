// The engine and registries scripts/test-env.sh brought up, as the integration tests see them.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
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
  /** Environment that points a docker client at the test engine: DOCKER_HOST, PATH, DOCKER_CONFIG. */
  readonly dockerEnv: Readonly<Record<string, string>>
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
  const optional = (key: string): string | undefined =>
    values[key] === '' ? undefined : values[key]
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
    tokenServer: get('IMMUTABLE_IMAGE_TEST_TOKEN_SERVER'),
    dockerEnv: dockerClientEnv(
      get('DOCKER_HOST'),
      optional('IMMUTABLE_IMAGE_TEST_DOCKER_BIN'),
      optional('DOCKER_CONFIG')
    )
  }
}

function dockerClientEnv(
  host: string,
  bin: string | undefined,
  config: string | undefined
): Record<string, string> {
  const path = process.env.PATH ?? '/usr/bin:/bin'
  return {
    DOCKER_HOST: host,
    // The engine's own client first: the system's may be older and lack the buildx plugin.
    PATH:
      bin === undefined || path.split(delimiter)[0] === bin ? path : `${bin}${delimiter}${path}`,
    ...(config === undefined ? {} : { DOCKER_CONFIG: config })
  }
}

/** Gives a test's own Docker config the engine's buildx, where a GitHub runner has it system-wide. */
export function linkBuildxPlugin(configDir: string): void {
  const engineConfig = testEnv().dockerEnv.DOCKER_CONFIG
  if (engineConfig !== undefined)
    symlinkSync(join(engineConfig, 'cli-plugins'), join(configDir, 'cli-plugins'))
}

/**
 * A Docker config for a runner without buildx: its docker-buildx does not run, and the client takes
 * the first plugin it finds without falling back, so a system-wide buildx stays hidden too.
 */
export function dockerConfigWithoutBuildx(): string {
  const dir = mkdtempSync(join(tmpdir(), 'docker-config-no-buildx-'))
  mkdirSync(join(dir, 'cli-plugins'))
  writeFileSync(join(dir, 'cli-plugins', 'docker-buildx'), '#!/bin/sh\nexit 1\n', { mode: 0o755 })
  return dir
}
