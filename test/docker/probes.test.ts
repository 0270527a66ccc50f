// The engine's answers that do not change during a run are asked once, whichever client asks.
import { afterEach, describe, expect, it, vi } from 'vitest'

const execCalls: string[][] = []
const plugin = vi.hoisted(() => ({ path: undefined as string | undefined, lookups: 0 }))

vi.mock('../../src/docker/buildx-plugin.js', () => ({
  findBuildxPlugin: () => {
    plugin.lookups++
    return Promise.resolve(plugin.path)
  }
}))

vi.mock('../../src/run-tool.js', () => ({
  runTool: (
    tool: string,
    args: string[],
    options: { onStdout: (data: Buffer) => void }
  ): Promise<number> => {
    execCalls.push([tool, ...args])
    options.onStdout(Buffer.from('github.com/docker/buildx v0.13.1 abc\n'))
    return Promise.resolve(0)
  }
}))

const { Docker } = await import('../../src/docker/docker.js')

afterEach(() => {
  execCalls.length = 0
  plugin.path = undefined
  plugin.lookups = 0
})

describe('Docker.buildxVersion', () => {
  it('asks docker buildx version once, for the job’s client and the one with our config', async () => {
    const docker = new Docker()
    const [first, second, third] = await Promise.all([
      docker.buildxVersion(),
      docker.buildxVersion(),
      docker.withConfig('/tmp/own-config').buildxVersion()
    ])
    expect([first, second, third]).toEqual(Array(3).fill('github.com/docker/buildx v0.13.1 abc'))
    expect(execCalls).toEqual([['docker', 'buildx', 'version']])
  })

  it('asks the plugin itself where the CLI would find it: one process, not three', async () => {
    plugin.path = '/usr/libexec/docker/cli-plugins/docker-buildx'
    const docker = new Docker()
    expect(await docker.buildxVersion()).toBe('github.com/docker/buildx v0.13.1 abc')
    expect(execCalls).toEqual([['/usr/libexec/docker/cli-plugins/docker-buildx', 'version']])
  })
})

describe('Docker.run of buildx', () => {
  it('runs the plugin itself, standalone, where the CLI would find it', async () => {
    plugin.path = '/usr/libexec/docker/cli-plugins/docker-buildx'
    const docker = new Docker()
    await docker.run(['buildx', 'build', '--load', '.'], { silent: true })
    await docker.withConfig('/tmp/own-config').run(['buildx', 'version'], { silent: true })
    expect(execCalls).toEqual([
      ['/usr/libexec/docker/cli-plugins/docker-buildx', 'build', '--load', '.'],
      ['/usr/libexec/docker/cli-plugins/docker-buildx', 'version']
    ])
  })

  it('leaves it to the CLI where no plugin is found, and runs other commands with the CLI', async () => {
    const docker = new Docker()
    await docker.run(['buildx', 'build', '.'], { silent: true })
    plugin.path = '/usr/libexec/docker/cli-plugins/docker-buildx'
    await new Docker().run(['push', 'example.com/app:1'], { silent: true })
    expect(execCalls).toEqual([
      ['docker', 'buildx', 'build', '.'],
      ['docker', 'push', 'example.com/app:1']
    ])
  })
})

describe('Docker.prepare', () => {
  it('finds the plugin ahead and starts no process; the probe then uses what it found', async () => {
    plugin.path = '/usr/libexec/docker/cli-plugins/docker-buildx'
    const docker = new Docker({ DOCKER_HOST: 'tcp://127.0.0.1:1' })
    docker.prepare()
    await new Promise(setImmediate)
    expect(plugin.lookups).toBe(1)
    expect(execCalls).toEqual([])
    await docker.buildxVersion()
    expect(plugin.lookups).toBe(1)
    expect(execCalls).toEqual([['/usr/libexec/docker/cli-plugins/docker-buildx', 'version']])
  })
})

describe('Docker.buildx', () => {
  it('starts no process where the plugin is found on disk, and leaves its version unasked', async () => {
    plugin.path = '/usr/libexec/docker/cli-plugins/docker-buildx'
    expect(await new Docker().buildx()).toEqual({ available: true, version: undefined })
    expect(execCalls).toEqual([])
  })

  it('asks the CLI once where no plugin is found, and keeps the version it printed', async () => {
    const docker = new Docker()
    const answers = await Promise.all([docker.buildx(), docker.buildx()])
    const version = 'github.com/docker/buildx v0.13.1 abc'
    expect(answers).toEqual([
      { available: true, version },
      { available: true, version }
    ])
    expect(execCalls).toEqual([['docker', 'buildx', 'version']])
  })
})
