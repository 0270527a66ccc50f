// The argv of the test and smoke-test containers: how they run, their limits, their state and log.
import { describe, expect, it } from 'vitest'
import {
  containerLogArgs,
  containerStateArgs,
  execArgs,
  productionRunArgs,
  testRunArgs
} from '../../src/docker/args.js'

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
