import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { post } from '../../src/build-test-push/post.js'

let root: string
let runnerTemp: string
let stdout: MockInstance<typeof process.stdout.write>

function printed(): string {
  return stdout.mock.calls.map(([chunk]) => String(chunk)).join('')
}

beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'post-')))
  runnerTemp = join(root, 'runner-temp')
  mkdirSync(runnerTemp)
  vi.stubEnv('RUNNER_TEMP', runnerTemp)
  stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

afterEach(() => {
  stdout.mockRestore()
  vi.unstubAllEnvs()
  rmSync(root, { recursive: true, force: true })
})

describe('post step, Docker config from state', () => {
  it('removes the config directory the action created under RUNNER_TEMP', async () => {
    const own = mkdtempSync(join(runnerTemp, 'immutable-image-docker-'))
    vi.stubEnv('STATE_dockerConfig', own)
    await post()
    expect(existsSync(own)).toBe(false)
    expect(printed()).toContain('Removed the Docker config holding the registry login.')
  })

  it('leaves a directory outside RUNNER_TEMP alone, with a warning', async () => {
    const victim = join(root, 'some', 'dir')
    mkdirSync(victim, { recursive: true })
    vi.stubEnv('STATE_dockerConfig', victim)
    await post()
    expect(existsSync(victim)).toBe(true)
    expect(printed()).toContain(`::warning::Did not remove '${victim}': it is not named`)
  })

  it('leaves a directory outside RUNNER_TEMP alone even when named like ours', async () => {
    const victim = join(root, 'immutable-image-docker-abc123')
    mkdirSync(victim)
    vi.stubEnv('STATE_dockerConfig', victim)
    await post()
    expect(existsSync(victim)).toBe(true)
    expect(printed()).toContain('it is not directly under RUNNER_TEMP')
  })

  it('does not follow a symlink inside RUNNER_TEMP that points out', async () => {
    const victim = join(root, 'home')
    mkdirSync(victim)
    const link = join(runnerTemp, 'immutable-image-docker-abc123')
    symlinkSync(victim, link)
    vi.stubEnv('STATE_dockerConfig', link)
    await post()
    expect(existsSync(victim)).toBe(true)
    expect(existsSync(link)).toBe(true)
    expect(printed()).toContain('it is not a directory')
  })

  it('leaves a directory under a symlinked parent that leads out of RUNNER_TEMP alone', async () => {
    const elsewhere = join(root, 'elsewhere')
    const victim = join(elsewhere, 'immutable-image-docker-abc123')
    mkdirSync(victim, { recursive: true })
    symlinkSync(elsewhere, join(runnerTemp, 'nested'))
    vi.stubEnv('STATE_dockerConfig', join(runnerTemp, 'nested', 'immutable-image-docker-abc123'))
    await post()
    expect(existsSync(victim)).toBe(true)
  })

  it('quotes a forged value on one line in the warning', async () => {
    vi.stubEnv('STATE_dockerConfig', '/tmp/x\n::error::pwned')
    await post()
    expect(printed()).toContain(
      "::warning::Did not remove '/tmp/x ::error::pwned': it is not named"
    )
    expect(printed()).not.toMatch(/^::error::pwned/m)
  })
})

describe('post step, test container from state', () => {
  it('refuses a name that is not a test container of the action, without calling docker', async () => {
    vi.stubEnv('STATE_testContainer', 'my-database')
    await post()
    expect(printed()).toContain(
      "::warning::Did not remove the container 'my-database': not a test container name."
    )
    expect(printed()).not.toContain('[command]')
  })

  it.each([
    ['a test container name', 'immutable-image-test-0123456789ab'],
    ['another container', 'my-database']
  ])('refuses %s saved as the smoke container, without calling docker', async (_, name) => {
    vi.stubEnv('STATE_smokeContainer', name)
    await post()
    expect(printed()).toContain(
      `::warning::Did not remove the container '${name}': not a smoke container name.`
    )
    expect(printed()).not.toContain('[command]')
  })
})
