import { describe, expect, it } from 'vitest'
import {
  buildArgs,
  buildxAnnotates,
  containerLogArgs,
  containerStateArgs,
  execArgs,
  loginArgs,
  productionRunArgs,
  testRunArgs
} from '../../src/docker/args.js'

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

  it('annotates the image manifest with buildx, and not with the classic build, which cannot', () => {
    const manifestAnnotations = new Map([['org.opencontainers.image.revision', 'abc']])
    const annotation = ['--annotation', 'manifest:org.opencontainers.image.revision=abc']
    expect(buildArgs({ ...base, buildx: true, manifestAnnotations }).join(' ')).toContain(
      annotation.join(' ')
    )
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

describe('testRunArgs', () => {
  it('runs the command as the entrypoint of a fresh container of the image id, env by name', () => {
    expect(
      testRunArgs({
        containerName: 'c1',
        imageId: 'sha256:abc',
        command: ['/bin/sh', '-c', 'npm test'],
        network: 'none',
        memory: '4g',
        pidsLimit: 4096,
        envNames: ['CI', 'SECRET'],
        platform: undefined
      })
    ).toEqual([
      'run',
      '--name',
      'c1',
      '--network',
      'none',
      '--pull',
      'never',
      '--security-opt',
      'no-new-privileges',
      '--memory',
      '4g',
      '--pids-limit',
      '4096',
      '--env',
      'CI',
      '--env',
      'SECRET',
      '--entrypoint',
      '/bin/sh',
      'sha256:abc',
      '-c',
      'npm test'
    ])
  })
})

describe('loginArgs', () => {
  it('reads the password from stdin', () => {
    expect(loginArgs('ghcr.io', 'me')).toEqual([
      'login',
      '--username',
      'me',
      '--password-stdin',
      'ghcr.io'
    ])
  })
})

describe('test container limits', () => {
  const base = {
    containerName: 'c',
    imageId: 'i',
    command: ['true'],
    network: 'none',
    envNames: [],
    platform: undefined
  }

  it('leaves out the limits that were lifted', () => {
    const args = testRunArgs({ ...base, memory: undefined, pidsLimit: undefined })
    expect(args).not.toContain('--memory')
    expect(args).not.toContain('--pids-limit')
    expect(args).toContain('no-new-privileges')
  })

  it('runs the platform asked for from a multi-platform image, and the engine’s own otherwise', () => {
    const args = testRunArgs({
      ...base,
      memory: undefined,
      pidsLimit: undefined,
      platform: 'linux/arm64'
    })
    expect(args.join(' ')).toContain('--platform linux/arm64')
    expect(args.indexOf('--platform')).toBeLessThan(args.indexOf('--entrypoint'))
    expect(testRunArgs({ ...base, memory: undefined, pidsLimit: undefined })).not.toContain(
      '--platform'
    )
  })

  it('never mounts anything from the host', () => {
    const args = testRunArgs({ ...base, memory: '1g', pidsLimit: 10 })
    expect(args.filter((arg) => /^(-v|--volume|--mount|--privileged)$/.test(arg))).toEqual([])
  })
})

describe('productionRunArgs', () => {
  const run = {
    containerName: 'immutable-image-smoke-0123456789ab',
    imageId: 'sha256:abc',
    network: 'none',
    memory: '4g',
    pidsLimit: 4096,
    envNames: ['CI', 'SECRET'],
    platform: undefined
  }

  it("starts the image detached with its own ENTRYPOINT and CMD, under the tests' limits", () => {
    expect(productionRunArgs(run)).toEqual([
      'run',
      '--detach',
      '--name',
      'immutable-image-smoke-0123456789ab',
      '--network',
      'none',
      '--pull',
      'never',
      '--security-opt',
      'no-new-privileges',
      '--memory',
      '4g',
      '--pids-limit',
      '4096',
      '--env',
      'CI',
      '--env',
      'SECRET',
      'sha256:abc'
    ])
  })

  it('runs the image of the platform asked for, before the image', () => {
    const args = productionRunArgs({ ...run, platform: 'linux/arm64' })
    expect(args.slice(args.indexOf('--platform'), args.indexOf('--platform') + 2)).toEqual([
      '--platform',
      'linux/arm64'
    ])
    expect(args.at(-1)).toBe('sha256:abc')
    expect(productionRunArgs(run)).not.toContain('--platform')
  })

  it('neither overrides the entrypoint nor removes the container on exit, whose exit code the report needs', () => {
    const args = productionRunArgs(run)
    expect(args).not.toContain('--entrypoint')
    expect(args).not.toContain('--rm')
    expect(args.at(-1)).toBe('sha256:abc')
  })

  it('never mounts anything from the host and drops limits given as none', () => {
    const args = productionRunArgs({ ...run, memory: undefined, pidsLimit: undefined })
    expect(args.filter((arg) => /^(-v|--volume|--mount|--privileged)$/.test(arg))).toEqual([])
    expect(args).not.toContain('--memory')
    expect(args).not.toContain('--pids-limit')
    expect(args).toContain('no-new-privileges')
  })
})

describe('the running container', () => {
  it.each<[string, string[], string[]]>([
    [
      'execs a shell command',
      ['/bin/sh', '-c', 'wget -q localhost'],
      ['exec', 'c1', '/bin/sh', '-c', 'wget -q localhost']
    ],
    ['execs an exec-form command', ['node', 'smoke.js'], ['exec', 'c1', 'node', 'smoke.js']]
  ])('%s in it', (_, command, args) => {
    expect(execArgs('c1', command)).toEqual(args)
  })

  it('refuses an empty command', () => {
    expect(() => execArgs('c1', [])).toThrow('the command is empty')
  })

  it('reads its state as JSON and the tail of its log', () => {
    expect(containerStateArgs('c1')).toEqual([
      'container',
      'inspect',
      '--format',
      '{{json .State}}',
      'c1'
    ])
    expect(containerLogArgs('c1', 60)).toEqual(['logs', '--tail', '60', 'c1'])
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
