import { describe, expect, it } from 'vitest'
import { neighbourhood, realmRefusal } from '../../src/registry/realm.js'

describe('neighbourhood', () => {
  it.each([
    ['localhost', 'loopback'],
    ['127.0.0.1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0.0.0.0', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['[fe80::1]', 'link-local'],
    ['[::ffff:a9fe:a9fe]', 'link-local'],
    ['10.1.2.3', 'private'],
    ['172.20.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['[fd00:ec2::254]', 'private'],
    ['8.8.8.8', 'public'],
    ['auth.docker.io', 'public']
  ])('%s is %s', (host, expected) => {
    expect(neighbourhood(host)).toBe(expected)
  })
})

describe('realmRefusal', () => {
  it.each([
    ['https://ghcr.io', 'https://ghcr.io/token'],
    ['https://registry-1.docker.io', 'https://auth.docker.io/token'],
    ['http://127.0.0.1:5557', 'http://127.0.0.1:5558/auth'],
    ['http://localhost:5000', 'http://127.0.0.1:5001/token'],
    ['https://10.0.0.5', 'https://10.0.0.6/token'],
    ['https://10.0.0.5:5000', 'https://10.0.0.5:5000/token'],
    ['https://[fe80::1]', 'https://169.254.10.10/token']
  ])('lets %s send us to %s', (registry, realm) => {
    expect(realmRefusal(registry, realm)).toBeUndefined()
  })

  it.each([
    [
      'https://ghcr.io',
      'http://ghcr.io/token',
      'it uses plain http: credentials go only over https'
    ],
    ['http://127.0.0.1:5000', 'http://auth.example.com/token', 'it uses plain http'],
    ['https://ghcr.io', 'https://169.254.169.254/latest/meta-data', 'link-local address'],
    ['https://ghcr.io', 'https://[::ffff:169.254.169.254]/', 'link-local address'],
    ['https://ghcr.io', 'https://2852039166/', 'link-local address'],
    ['https://ghcr.io', 'https://10.0.0.1/token', 'private address'],
    ['https://ghcr.io', 'https://192.168.0.1/token', 'private address'],
    ['https://ghcr.io', 'https://127.0.0.1:8080/token', 'loopback address'],
    ['https://ghcr.io', 'https://localhost/token', 'loopback address'],
    ['http://127.0.0.1:5000', 'https://169.254.169.254/', 'link-local address'],
    ['http://127.0.0.1:5000', 'https://10.0.0.1/', 'private address'],
    ['https://10.0.0.5', 'https://169.254.169.254/', 'link-local address'],
    ['https://ghcr.io', 'file:///etc/passwd', 'it uses file, not https'],
    ['https://ghcr.io', 'https://user:pw@ghcr.io/token', 'credentials of its own'],
    ['https://ghcr.io', 'not a url', 'it is not a URL']
  ])('refuses to let %s send us to %s', (registry, realm, reason) => {
    expect(realmRefusal(registry, realm)).toContain(reason)
  })
})
