import { describe, expect, it } from 'vitest'
import { realmRefusal } from '../../src/registry/realm.js'

// A name with a trailing dot is the same name, fully qualified: systemd-resolved (Ubuntu runners)
// answers `localhost.` and `*.localhost.` with 127.0.0.1. NAT64 (64:ff9b::/96) reaches the IPv4
// address in its last 32 bits on an IPv6-only runner.
describe('realmRefusal, for names and addresses that reach another neighbourhood', () => {
  it.each([
    ['https://ghcr.io', 'https://localhost./token', 'loopback address'],
    ['https://ghcr.io', 'https://auth.localhost./token', 'loopback address'],
    ['https://ghcr.io', 'https://localhost../token', 'loopback address'],
    ['https://ghcr.io', 'https://[64:ff9b::a9fe:a9fe]/latest', 'link-local address'],
    ['https://ghcr.io', 'https://[64:ff9b::a00:1]/token', 'private address'],
    ['https://ghcr.io', 'https://[64:ff9b::7f00:1]/token', 'loopback address']
  ])('refuses to let %s send us to %s', (registry, realm, reason) => {
    expect(realmRefusal(registry, realm)).toContain(reason)
  })

  it.each([
    ['http://localhost:5000', 'http://localhost.:5001/token'],
    ['https://ghcr.io', 'https://[64:ff9b::808:808]/token']
  ])('still lets %s send us to %s', (registry, realm) => {
    expect(realmRefusal(registry, realm)).toBeUndefined()
  })
})
