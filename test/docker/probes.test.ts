// The engine's answers that do not change during a run are asked once, whichever client asks.
import { afterEach, describe, expect, it, vi } from 'vitest'

const execCalls: string[][] = []

vi.mock('@actions/exec', () => ({
  exec: (
    _tool: string,
    args: string[],
    options: { listeners: { stdout: (data: Buffer) => void } }
  ): Promise<number> => {
    execCalls.push(args)
    options.listeners.stdout(Buffer.from('github.com/docker/buildx v0.13.1 abc\n'))
    return Promise.resolve(0)
  }
}))

const { Docker } = await import('../../src/docker/docker.js')

afterEach(() => {
  execCalls.length = 0
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
    expect(execCalls).toEqual([['buildx', 'version']])
  })
})
