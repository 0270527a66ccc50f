// The argv of the build and the registry login.
import { describe, expect, it } from 'vitest'
import { buildArgs, buildxAnnotates } from '../../src/docker/args.js'

describe('buildArgs', () => {
  const base = {
    context: '/w',
    file: '/w/Dockerfile',
    tags: ['r/web:sha-1'],
    buildArgNames: [],
    labels: new Map<string, string>(),
    manifestAnnotations: new Map<string, string>(),
    target: undefined,
    network: undefined,
    inputFlags: [],
    platforms: []
  }

  it('annotates the image manifest and its descriptor with buildx, and not with the classic build, which cannot', () => {
    const manifestAnnotations = new Map([['org.opencontainers.image.revision', 'abc']])
    const args = buildArgs({ ...base, buildx: true, manifestAnnotations }).join(' ')
    expect(args).toContain('--annotation manifest:org.opencontainers.image.revision=abc')
    expect(args).toContain('--annotation manifest-descriptor:org.opencontainers.image.revision=abc')
    expect(buildArgs({ ...base, buildx: false, manifestAnnotations })).not.toContain('--annotation')
  })

  it('uses buildx with --load when it is there', () => {
    expect(buildArgs({ ...base, buildx: true }).slice(0, 3)).toEqual(['buildx', 'build', '--load'])
  })

  it('uses the classic build otherwise', () => {
    expect(buildArgs({ ...base, buildx: false })).toEqual([
      'build',
      '--file',
      '/w/Dockerfile',
      '--tag',
      'r/web:sha-1',
      '/w'
    ])
  })

  it.each<[string, string | undefined, boolean, string[]]>([
    ['host, to buildx', 'host', true, ['--network', 'host', '/w']],
    ['none, to the classic build', 'none', false, ['--network', 'none', '/w']],
    ['a network name', 'build-net', true, ['--network', 'build-net', '/w']],
    ["nothing, for the builder's default", undefined, true, ['--tag', 'r/web:sha-1', '/w']]
  ])('passes the build network %s just before the context', (_, network, buildx, tail) => {
    const args = buildArgs({ ...base, buildx, network })
    expect(args.slice(-tail.length)).toEqual(tail)
    expect(args.filter((arg) => arg === '--network')).toHaveLength(network === undefined ? 0 : 1)
  })

  it('passes the build-push-action input flags after the network, before the context', () => {
    const args = buildArgs({
      ...base,
      buildx: true,
      network: 'host',
      inputFlags: ['--secret', 'id=npm,env=IMMUTABLE_IMAGE_SECRET_0']
    })
    expect(args.slice(-5)).toEqual([
      '--network',
      'host',
      '--secret',
      'id=npm,env=IMMUTABLE_IMAGE_SECRET_0',
      '/w'
    ])
  })

  it('names the image with every tag, in order', () => {
    const args = buildArgs({ ...base, buildx: true, tags: ['r/web:sha-1', 'r/web:sha-1-run-ab'] })
    expect(args.join(' ')).toContain('--tag r/web:sha-1 --tag r/web:sha-1-run-ab /w')
  })

  it('builds every platform into one index with buildx, none asked for leaving the engine’s own', () => {
    const platforms = ['linux/amd64', 'linux/arm64']
    const args = buildArgs({ ...base, buildx: true, platforms })
    expect(args.join(' ')).toContain('--platform linux/amd64,linux/arm64 /w')
    expect(buildArgs({ ...base, buildx: true })).not.toContain('--platform')
  })

  it('passes build-arg names only, labels, and the target', () => {
    const args = buildArgs({
      ...base,
      buildx: false,
      buildArgNames: ['TOKEN'],
      labels: new Map([['org.opencontainers.image.revision', 'abc']]),
      target: 'test'
    })
    expect(args).toEqual([
      'build',
      '--file',
      '/w/Dockerfile',
      '--tag',
      'r/web:sha-1',
      '--build-arg',
      'TOKEN',
      '--label',
      'org.opencontainers.image.revision=abc',
      '--target',
      'test',
      '/w'
    ])
  })
})

describe('buildxAnnotates', () => {
  it.each([
    ['github.com/docker/buildx v0.13.1 788433953af10f2a698f5c07611dcf8b2a5d2b12', true],
    ['github.com/docker/buildx 0.13.1+ds1-3 0.13.1+ds1-3', true],
    ['github.com/docker/buildx v0.12.0 542e5d8', true],
    ['github.com/docker/buildx v1.0.0 abc', true],
    ['github.com/docker/buildx v0.11.2 9872040', false],
    ['github.com/docker/buildx dev', false]
  ])('%s: %s', (version, expected) => {
    expect(buildxAnnotates(version)).toBe(expected)
  })
})
