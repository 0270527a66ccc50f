// The container the build action runs the tests in: no network, exec form, timeout, test-env.
import { describe, expect } from 'vitest'
import { freshRepository, it, makeWorkspace, tagDigest } from '../harness/index.js'

describe('test container', () => {
  it('runs with no network: only loopback exists', async ({ build }) => {
    const result = await build({
      workspace: makeWorkspace(),
      repository: freshRepository('net'),
      inputs: { 'test-command': 'ls /sys/class/net', push: 'false' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.main.stdout).toMatch(/\nlo\n/)
    expect(result.main.stdout).not.toMatch(/\neth0\n/)
    expect(result.outputs.pushed).toBe('false')
  })

  it('runs a JSON array in exec form in an image without a shell', async ({ build }) => {
    const workspace = makeWorkspace({
      Dockerfile:
        'FROM immutable-image-base/busybox:1 AS tools\nFROM scratch\nCOPY --from=tools /bin/busybox /busybox\n'
    })
    const result = await build({
      workspace,
      repository: freshRepository('noshell'),
      inputs: { 'test-command': '["/busybox","echo","exec form works"]' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.main.stdout).toContain('exec form works')
  })

  it('stops tests that outlive test-timeout and pushes nothing', async ({ build }) => {
    const path = freshRepository('slow')
    const workspace = makeWorkspace()
    const started = Date.now()
    const result = await build({
      workspace,
      repository: path,
      inputs: { 'test-command': 'sleep 60', 'test-timeout': '2' }
    })
    expect(Date.now() - started).toBeLessThan(45_000)
    expect(result.main.exitCode).toBe(1)
    expect(result.errors.at(-1)).toMatch(/the tests timed out after 2 s: nothing was pushed/)
    expect(await tagDigest(path, `sha-${workspace.sha.slice(0, 7)}`)).toBeUndefined()
  })

  it('passes test-env to the container', async ({ build }) => {
    const result = await build({
      workspace: makeWorkspace(),
      repository: freshRepository('env'),
      inputs: {
        'test-command': 'test "$GREETING" = "hello world=1" && echo env-ok',
        'test-env': 'GREETING=hello world=1',
        push: 'false'
      }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.main.stdout).toContain('env-ok')
    const dockerRun =
      result.main.stdout.split('\n').find((line) => line.includes('docker run')) ?? ''
    expect(dockerRun).toContain(' --env GREETING ')
    expect(dockerRun).not.toContain('GREETING=')
  })
})
