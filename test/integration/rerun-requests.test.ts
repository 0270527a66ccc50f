// A re-run of a commit whose image is already pushed asks the registry as little as it can.
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { freshRepository, it, makeWorkspace } from '../harness/index.js'

/** A `docker` first on PATH that notes each call, then runs the engine's own client. */
function dockerCallLog(dockerPath: string): { env: Record<string, string>; calls: () => string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'docker-calls-'))
  const log = join(dir, 'calls')
  writeFileSync(
    join(dir, 'docker'),
    `#!/bin/sh\necho "$*" >> '${log}'\nPATH='${dockerPath}' exec docker "$@"\n`
  )
  chmodSync(join(dir, 'docker'), 0o755)
  return {
    env: { PATH: `${dir}:${dockerPath}` },
    calls: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [])
  }
}

/** NODE_OPTIONS that make a step write the built-in modules it loaded, and a reader of them. */
function moduleReport(): { env: Record<string, string>; loaded: () => string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'modules-'))
  const out = join(dir, 'loaded.json')
  writeFileSync(
    join(dir, 'report.cjs'),
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.moduleLoadList)))\n`
  )
  return {
    env: { NODE_OPTIONS: `--require ${join(dir, 'report.cjs')}` },
    loaded: () => JSON.parse(readFileSync(out, 'utf8')) as string[]
  }
}

describe('a re-run of a commit already pushed', () => {
  it('reuses the image and its test record in 2 registry requests, starting no docker', async ({
    build,
    env,
    proxy
  }) => {
    const workspace = makeWorkspace()
    const repository = freshRepository('rerun')
    const first = await build({ workspace, repository, registry: proxy.host })
    expect(first.main.exitCode, first.main.stdout).toBe(0)
    const before = proxy.log.length
    const docker = dockerCallLog(env.dockerEnv.PATH ?? '')
    const modules = moduleReport()
    const rerun = await build({
      workspace,
      repository,
      registry: proxy.host,
      inputs: { 'if-exists': 'skip', comment: 'false' },
      env: { ...docker.env, ...modules.env }
    })
    expect(rerun.main.exitCode, rerun.main.stdout).toBe(0)
    expect(rerun.outputs.pushed).toBe('false')
    expect(rerun.outputs['test-result']).toBe('passed')
    // The SHA tag's index, whose descriptor names the commit, and the test record beside it.
    const requests = proxy.log.slice(before)
    expect(requests.length, requests.join('\n')).toBe(2)
    // Nothing to build: neither the engine nor buildx is asked, and no login is made.
    expect(docker.calls()).toEqual([])
    expect(rerun.main.stdout).not.toContain('Docker engine')
    // Nor git: HEAD is read from the repository's files. node:fs/promises, which takes a few
    // milliseconds to load, is not needed either.
    const loaded = modules.loaded()
    expect(loaded).toContain('NativeModule http')
    expect(loaded).not.toContain('NativeModule child_process')
    expect(loaded).not.toContain('NativeModule fs/promises')
  })

  it('a run that builds starts docker only to build and run the tests', async ({
    build,
    env,
    proxy
  }) => {
    const docker = dockerCallLog(env.dockerEnv.PATH ?? '')
    const run = await build({
      workspace: makeWorkspace(),
      repository: freshRepository('rerun-shim'),
      registry: proxy.host,
      inputs: { comment: 'false' },
      env: docker.env
    })
    expect(run.main.exitCode, run.main.stdout).toBe(0)
    // Fewer than a plain script runs: the build is the buildx plugin's own process, with no CLI
    // in front of it, and the engine's API answers the rest (version, inspect, tag, rm, push).
    expect(docker.calls().map((call) => call.split(' ')[0])).toEqual(['run'])
    expect(run.main.stdout).toMatch(/\[command\]\S*\/docker-buildx build --load /)
  })

  it('a run that pushes asks no manifest and sends no blob after the push: the record names the image from the SHA tag’s look-up, its blobs went during the push', async ({
    build,
    proxy
  }) => {
    const repository = freshRepository('push-requests')
    const before = proxy.log.length
    const run = await build({
      workspace: makeWorkspace(),
      repository,
      registry: proxy.host,
      inputs: { comment: 'false' }
    })
    expect(run.main.exitCode, run.main.stdout).toBe(0)
    expect(run.main.stdout).toMatch(/Attached the test record sha256:[a-f0-9]{64} to /)
    const digest = run.outputs.digest ?? 'missing'
    const requests = proxy.log.slice(before)
    expect(requests, requests.join('\n')).not.toContain(`GET /v2/${repository}/manifests/${digest}`)
    // The SHA tag's put ends the engine's push; the record's blob was uploaded beside it.
    const tagPut = requests.findLastIndex((line) =>
      line.startsWith(`PUT /v2/${repository}/manifests/sha-`)
    )
    expect(tagPut, requests.join('\n')).toBeGreaterThan(0)
    const blobsAfter = requests.slice(tagPut + 1).filter((line) => line.includes('/blobs/'))
    expect(blobsAfter, requests.join('\n')).toEqual([])
  })
})
