import { describe, expect, it } from 'vitest'
import {
  formatReference,
  parseReference,
  parseRepository,
  registryBaseUrl,
  repositoryName
} from '../../src/registry/reference.js'

describe('parseReference', () => {
  it.each([
    ['nginx', 'docker.io', 'library/nginx', undefined, undefined],
    ['acme/web', 'docker.io', 'acme/web', undefined, undefined],
    ['ghcr.io/acme/web:sha-1a2b3c4', 'ghcr.io', 'acme/web', 'sha-1a2b3c4', undefined],
    ['localhost:5000/x', 'localhost:5000', 'x', undefined, undefined],
    ['localhost/x:1', 'localhost', 'x', '1', undefined],
    ['127.0.0.1:5555/a/b/c:v1.2.3', '127.0.0.1:5555', 'a/b/c', 'v1.2.3', undefined],
    ['[::1]:5000/web', '[::1]:5000', 'web', undefined, undefined],
    ['Registry/web', 'Registry', 'web', undefined, undefined],
    [
      'my-registry.example.com:443/team/app_name__x',
      'my-registry.example.com:443',
      'team/app_name__x',
      undefined,
      undefined
    ],
    [
      `ghcr.io/acme/web@sha256:${'a'.repeat(64)}`,
      'ghcr.io',
      'acme/web',
      undefined,
      `sha256:${'a'.repeat(64)}`
    ],
    [`web:1@sha256:${'b'.repeat(64)}`, 'docker.io', 'library/web', '1', `sha256:${'b'.repeat(64)}`]
  ])('%s', (input, registry, path, tag, digest) => {
    const reference = parseReference(input)
    expect(reference.repository).toEqual({ registry, path })
    expect(reference.tag).toBe(tag)
    expect(reference.digest).toBe(digest)
  })

  it.each([
    ['', /empty/],
    ['Web', /lower-case/],
    ['ghcr.io/acme/Web', /'Web' must be lower-case/],
    ['acme//web', /not a valid image name/],
    ['acme/web:', /not a valid tag/],
    ['acme/web:.hidden', /not a valid tag/],
    [`acme/web:${'x'.repeat(129)}`, /not a valid tag/],
    ['acme/web@sha256:abc', /not a valid digest/],
    ['acme/web;rm -rf /', /white space/],
    ['acme/web;rm', /not a valid image name/],
    ['-bad.io/web', /invalid registry host/],
    [`ghcr.io/${'a'.repeat(260)}`, /longer than 255/],
    ['acme/web\nnext', /white space/]
  ])('refuses %j', (input, message) => {
    expect(() => parseReference(input)).toThrow(message)
  })
})

describe('parseRepository', () => {
  it('refuses a tag where a repository is expected', () => {
    expect(() => parseRepository('ghcr.io/acme/web:latest')).toThrow(/without a tag or digest/)
  })
})

describe('formatting', () => {
  it('names Docker Hub images as Docker prints them', () => {
    expect(repositoryName(parseRepository('nginx'))).toBe('docker.io/library/nginx')
  })

  it('round-trips tag and digest', () => {
    const text = `ghcr.io/acme/web:v1@sha256:${'c'.repeat(64)}`
    expect(formatReference(parseReference(text))).toBe(text)
  })
})

describe('registryBaseUrl', () => {
  it.each([
    ['localhost:5000', 'http://localhost:5000'],
    ['127.0.0.1:5555', 'http://127.0.0.1:5555'],
    ['127.1.2.3', 'http://127.1.2.3'],
    ['[::1]:5000', 'http://[::1]:5000'],
    ['ghcr.io', 'https://ghcr.io'],
    ['localhost.example.com', 'https://localhost.example.com'],
    ['docker.io', 'https://registry-1.docker.io']
  ])('%s → %s', (registry, url) => {
    expect(registryBaseUrl(registry)).toBe(url)
  })
})
