import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { getBuildSettings } from '../../src/settings/build.js'

let workspace: string

function inputs(values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values))
    vi.stubEnv(`INPUT_${name.toUpperCase()}`, value)
}

beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'settings-'))
  writeFileSync(join(workspace, 'Dockerfile'), 'FROM scratch\n')
  mkdirSync(join(workspace, 'app'))
  writeFileSync(join(workspace, 'app', 'Dockerfile'), 'FROM scratch\n')
  vi.stubEnv('GITHUB_WORKSPACE', workspace)
  vi.stubEnv('GITHUB_REPOSITORY', 'Acme/Web')
  vi.stubEnv('GITHUB_ACTOR', 'octocat')
})

afterEach(() => {
  vi.unstubAllEnvs()
  rmSync(workspace, { recursive: true, force: true })
})

describe('getBuildSettings', () => {
  it('defaults the image to ghcr.io/<owner>/<repo> lower-cased', () => {
    expect(getBuildSettings().image).toEqual({ registry: 'ghcr.io', path: 'acme/web' })
  })

  it('applies the documented defaults', () => {
    const settings = getBuildSettings()
    expect(settings).toMatchObject({
      context: workspace,
      file: join(workspace, 'Dockerfile'),
      shaFormat: 'short',
      push: true,
      ifExists: 'skip',
      comment: true,
      target: undefined,
      network: undefined,
      test: {
        command: undefined,
        network: 'none',
        timeoutSeconds: 900,
        memory: '4g',
        pidsLimit: 4096
      }
    })
  })

  it('finds the Dockerfile in the context by default', () => {
    inputs({ context: 'app' })
    expect(getBuildSettings().file).toBe(join(workspace, 'app', 'Dockerfile'))
  })

  it('runs a plain test command through /bin/sh -c', () => {
    inputs({ 'test-command': 'npm test && echo "done"' })
    expect(getBuildSettings().test.command).toEqual(['/bin/sh', '-c', 'npm test && echo "done"'])
  })

  it('runs a JSON array test command in exec form', () => {
    inputs({ 'test-command': '["node","--test"]' })
    expect(getBuildSettings().test.command).toEqual(['node', '--test'])
  })

  it('reads smoke-test with the same syntax as test-command', () => {
    inputs({ 'smoke-test': 'wget -qO- http://127.0.0.1:8080/healthz' })
    expect(getBuildSettings().test.smokeTest).toEqual([
      '/bin/sh',
      '-c',
      'wget -qO- http://127.0.0.1:8080/healthz'
    ])
    inputs({ 'smoke-test': '["node","/app/src/smoke.js"]' })
    expect(getBuildSettings().test.smokeTest).toEqual(['node', '/app/src/smoke.js'])
  })

  it('runs no smoke test when smoke-test is empty', () => {
    expect(getBuildSettings().test.smokeTest).toBeUndefined()
  })

  it.each([
    ['[node, smoke.js]', "Input 'smoke-test': starts with [ but is not a JSON array of strings"],
    ['["node", 1]', "Input 'smoke-test': a JSON array must hold one or more non-empty strings"],
    ['[]', "Input 'smoke-test': a JSON array must hold one or more non-empty strings"]
  ])('refuses the smoke-test %s', (value, message) => {
    inputs({ 'smoke-test': value })
    expect(() => getBuildSettings()).toThrow(message)
  })

  it('keeps = inside build-arg values', () => {
    inputs({ 'build-args': 'A=1\nB=x=y\n\n# comment\nC=' })
    expect([...getBuildSettings().buildArgs]).toEqual([
      ['A', '1'],
      ['B', 'x=y'],
      ['C', '']
    ])
  })

  it('accepts dotted label keys', () => {
    inputs({ labels: 'org.opencontainers.image.title=web\ncom.example/team=platform' })
    expect(getBuildSettings().labels.get('com.example/team')).toBe('platform')
  })

  it('puts bare extra tags in the image repository and keeps metadata-action references', () => {
    inputs({
      image: '127.0.0.1:5555/acme/web',
      tags: 'latest\n127.0.0.1:5555/acme/web:pr-12, docker.io/acme/web:1.2'
    })
    expect(getBuildSettings().extraTags).toEqual([
      { repository: { registry: '127.0.0.1:5555', path: 'acme/web' }, tag: 'latest' },
      { repository: { registry: '127.0.0.1:5555', path: 'acme/web' }, tag: 'pr-12' },
      { repository: { registry: 'docker.io', path: 'acme/web' }, tag: '1.2' }
    ])
  })

  it('uses the actor and github-token for ghcr.io when no credentials are given', () => {
    inputs({ 'github-token': 'ghs_abc' })
    expect(getBuildSettings().credentials).toEqual({ username: 'octocat', password: 'ghs_abc' })
  })

  it('leaves other registries to the Docker config when no credentials are given', () => {
    inputs({ image: 'registry.example.com/web', 'github-token': 'ghs_abc' })
    expect(getBuildSettings().credentials).toBeUndefined()
  })

  it('masks the password and the token', () => {
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    inputs({ username: 'me', password: 'hunter2', 'github-token': 'ghs_abc' })
    getBuildSettings()
    const written = stdout.mock.calls.map(([chunk]) => String(chunk)).join('')
    stdout.mockRestore()
    expect(written).toContain('::add-mask::hunter2')
    expect(written).toContain('::add-mask::ghs_abc')
  })

  it.each([
    [{ image: 'ghcr.io/Acme/web' }, "Input 'image': 'ghcr.io/Acme/web' is not a valid image name"],
    [
      { image: 'ghcr.io/acme/web:latest' },
      "Input 'image': 'ghcr.io/acme/web:latest' must name a repository"
    ],
    [{ context: '../elsewhere' }, "Input 'context': '../elsewhere' is outside the workspace"],
    [{ context: 'missing' }, "Input 'context': 'missing' is not a directory"],
    [{ file: 'nope/Dockerfile' }, "Input 'file': no Dockerfile at"],
    [{ file: '/etc/passwd' }, "Input 'file': '/etc/passwd' is outside the workspace"],
    [
      { 'build-args': 'GOOD=1\nsecret-without-equals' },
      "Input 'build-args': line 2 is not KEY=VALUE (no '=')"
    ],
    [{ 'build-args': '1BAD=x' }, "Input 'build-args': line 1: '1BAD' is not a valid name"],
    [{ 'test-env': 'A B=1' }, "Input 'test-env': line 1: 'A B' is not a valid name"],
    [{ 'test-timeout': 'ten' }, "Input 'test-timeout': expected a whole number of seconds"],
    [{ 'test-timeout': '0' }, "Input 'test-timeout': expected a whole number of seconds"],
    [{ 'test-timeout': '1.5' }, "Input 'test-timeout': expected a whole number of seconds"],
    [{ 'test-memory': '4 gigs' }, "Input 'test-memory': '4 gigs' is not a size"],
    [{ 'test-pids-limit': '-1' }, "Input 'test-pids-limit': '-1' is not a whole number"],
    [{ push: 'yes' }, "Input 'push': expected true or false, got 'yes'"],
    [{ comment: 'maybe' }, "Input 'comment': expected true or false"],
    [
      { 'if-exists': 'replace' },
      "Input 'if-exists': expected one of skip, fail, overwrite, got 'replace'"
    ],
    [{ 'sha-format': 'medium' }, "Input 'sha-format': expected one of short, long"],
    [{ tags: 'bad tag' }, "Input 'tags':"],
    [
      { tags: 'ghcr.io/acme/web' },
      "Input 'tags': 'ghcr.io/acme/web' must be a tag or a reference with a tag"
    ],
    [
      { 'test-command': '["npm", 1]' },
      "Input 'test-command': a JSON array must hold one or more non-empty strings"
    ],
    [
      { 'test-command': '[npm test' },
      "Input 'test-command': starts with [ but is not a JSON array"
    ],
    [
      { 'test-network': 'host; rm -rf /' },
      "Input 'test-network': 'host; rm -rf /' is not a Docker network name"
    ],
    [
      { network: 'host --privileged' },
      "Input 'network': 'host --privileged' is not a Docker network name"
    ],
    [{ target: 'stage\nnext' }, "Input 'target': 'stage next' is not a valid build stage name"],
    [{ username: 'me' }, "Input 'password': is empty but username 'me' is set"],
    [{ password: 'hunter2' }, "Input 'username': is empty but password is set"]
  ])('refuses %j', (given, message) => {
    inputs(given)
    expect(() => getBuildSettings()).toThrow(message)
  })

  it.each(['host', 'none', 'build-net'])('takes %s as the build network', (network) => {
    inputs({ network })
    expect(getBuildSettings().network).toBe(network)
  })

  it('lifts the test container limits with none', () => {
    inputs({ 'test-memory': 'none', 'test-pids-limit': '0' })
    expect(getBuildSettings().test).toMatchObject({ memory: undefined, pidsLimit: undefined })
  })

  it('never echoes a malformed build-arg line, which may hold a secret', () => {
    inputs({ 'build-args': 'hunter2' })
    expect(() => getBuildSettings()).toThrow(/^(?!.*hunter2)/)
  })
})
