import { afterEach, describe, expect, it, vi } from 'vitest'
import { getPromoteSettings } from '../../src/settings/promote.js'
import { getRollbackSettings } from '../../src/settings/rollback.js'

const SETTINGS = { promote: getPromoteSettings, rollback: getRollbackSettings }

const DIGEST = `sha256:${'f'.repeat(64)}`

function inputs(values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values))
    vi.stubEnv(`INPUT_${name.toUpperCase()}`, value)
}

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('getPromoteSettings', () => {
  it.each([
    ['sha-1a2b3c4', { kind: 'tag', tag: 'sha-1a2b3c4' }],
    [DIGEST, { kind: 'digest', digest: DIGEST }],
    ['previous', { kind: 'previous' }],
    [`ghcr.io/acme/web@${DIGEST}`, { kind: 'digest', digest: DIGEST }],
    ['ghcr.io/acme/web:v1', { kind: 'tag', tag: 'v1' }]
  ])('reads source %s', (source, expected) => {
    inputs({ image: 'ghcr.io/acme/web', source, target: 'staging' })
    expect(getPromoteSettings().source).toEqual(expected)
  })

  it('defaults the environment to the first target and drops repeated targets', () => {
    inputs({ image: 'ghcr.io/acme/web', source: 'v1', target: 'production\nv1.2.3\nproduction' })
    expect(getPromoteSettings()).toMatchObject({
      environment: 'production',
      targets: ['production', 'v1.2.3'],
      record: true
    })
  })

  it('rolls back to the previous digest of the environment’s own tag by default', () => {
    inputs({ image: 'ghcr.io/acme/web', environment: 'staging' })
    expect(getRollbackSettings()).toMatchObject({
      source: { kind: 'previous' },
      targets: ['staging'],
      environment: 'staging'
    })
  })

  it('rolls back to what to names', () => {
    inputs({ image: 'ghcr.io/acme/web', environment: 'staging', to: 'sha-0000001' })
    expect(getRollbackSettings().source).toEqual({ kind: 'tag', tag: 'sha-0000001' })
  })

  it.each([
    ['promote', {}, "Input 'image': is required"],
    ['promote', { image: 'ghcr.io/acme/web' }, "Input 'source': is required"],
    ['promote', { image: 'ghcr.io/acme/web', source: 'v1' }, "Input 'target': is required"],
    ['promote', { image: 'ghcr.io/acme/web', source: 'v 1', target: 'x' }, "Input 'source'"],
    [
      'promote',
      { image: 'ghcr.io/acme/web', source: 'docker.io/acme/web:v1', target: 'x' },
      'is not in ghcr.io/acme/web'
    ],
    ['promote', { image: 'ghcr.io/acme/web', source: 'v1', target: 'a;b' }, "Input 'target'"],
    ['rollback', { image: 'ghcr.io/acme/web' }, "Input 'environment': is required"],
    ['rollback', { image: 'ghcr.io/acme/web', environment: 'prod', to: 'sha256:zz' }, "Input 'to'"]
  ] as const)('%s refuses %j', (mode, given, message) => {
    inputs(given)
    expect(() => SETTINGS[mode]()).toThrow(message)
  })
})
