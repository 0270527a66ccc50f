// The build action's registry credentials and its refusal of bad input.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import {
  freshRepository,
  it,
  linkBuildxPlugin,
  makeWorkspace,
  tagDigest
} from '../harness/index.js'

describe('credentials', () => {
  it('fails with a clear message on a wrong password and never prints it', async ({ build }) => {
    const wrong = 'not-the-password-9f8e7d'
    const result = await build({
      workspace: makeWorkspace(),
      repository: freshRepository('auth'),
      inputs: { password: wrong }
    })
    expect(result.main.exitCode).toBe(1)
    expect(result.errors.at(-1)).toMatch(
      /authentication failed for registry 127\.0\.0\.1:\d+ as 'ci'/
    )
    const printed = (result.main.stdout + result.main.stderr).replaceAll(`::add-mask::${wrong}`, '')
    expect(printed).not.toContain(wrong)
  })

  it('with if-exists overwrite, which asks no lookup, still fails on a wrong password before building', async ({
    build
  }) => {
    const wrong = 'not-the-password-0c1d2e'
    const result = await build({
      workspace: makeWorkspace(),
      repository: freshRepository('auth-overwrite'),
      inputs: { password: wrong, 'if-exists': 'overwrite' }
    })
    expect(result.main.exitCode).toBe(1)
    expect(result.errors.at(-1)).toMatch(
      /authentication failed for registry 127\.0\.0\.1:\d+ as 'ci'/
    )
    expect(result.main.stdout).not.toMatch(/\[command\]\S*docker (buildx )?build /)
  })

  it('uses the login docker/login-action left in the Docker config when none is given', async ({
    build,
    env
  }) => {
    const { registry, username, password } = env
    const workspace = makeWorkspace()
    const dockerConfig = mkdtempSync(join(tmpdir(), 'docker-config-'))
    linkBuildxPlugin(dockerConfig)
    writeFileSync(
      join(dockerConfig, 'config.json'),
      JSON.stringify({
        auths: { [registry]: { auth: Buffer.from(`${username}:${password}`).toString('base64') } }
      })
    )
    const path = freshRepository('configauth')
    const result = await build({
      workspace,
      repository: path,
      login: false,
      inputs: { 'test-command': 'true' },
      env: { DOCKER_CONFIG: dockerConfig }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(await tagDigest(path, `sha-${workspace.sha.slice(0, 7)}`)).toBe(result.outputs.digest)
  })
})

describe('bad input', () => {
  it.for([
    [{ image: 'ghcr.io/Acme/Web' }, "Input 'image'"],
    [{ 'build-args': 'NOT A LINE' }, "Input 'build-args'"],
    [{ 'test-timeout': 'soon' }, "Input 'test-timeout'"],
    [{ file: 'missing.Dockerfile' }, "Input 'file'"]
  ] as const)(
    '%j fails fast with one line naming the input, before any docker command',
    async ([inputs, name], { build }) => {
      const result = await build({
        workspace: makeWorkspace(),
        repository: freshRepository('bad'),
        inputs
      })
      expect(result.main.exitCode).toBe(1)
      expect(result.errors).toHaveLength(1)
      expect(result.errors[0]).toContain(`::error::${name}`)
      expect(result.main.stdout).not.toContain('[command]')
      expect(result.main.stdout + result.main.stderr).not.toMatch(/\n\s+at /)
    }
  )
})
