// cache-from and cache-to: a registry cache survives a pruned engine; a gha cache gets the runner's token.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect } from 'vitest'
import {
  type ActionRun,
  buildCommands,
  freshRepository,
  it,
  makeWorkspace,
  tagDigest
} from '../harness/index.js'

const NONCE = randomBytes(4).toString('hex')
// The expensive step comes before anything from the context, so a new commit can reuse it.
const DOCKERFILE = [
  'FROM immutable-image-base/busybox:1 AS app',
  `RUN echo expensive-${NONCE} && sleep 2 && echo done > /expensive`,
  'COPY .nonce /app/.nonce',
  'FROM app AS test',
  'RUN test -f /expensive',
  ''
].join('\n')

/** Whether BuildKit ran the expensive step or took it from a cache, by its plain progress lines. */
function expensiveStep(run: ActionRun): 'CACHED' | 'DONE' | undefined {
  const lines = run.main.stdout.split('\n')
  const started = lines
    .map((line) => new RegExp(`^(#\\d+) \\[app 2/3\\] RUN echo expensive-${NONCE}`).exec(line))
    .find((match) => match !== null)
  if (started?.[1] === undefined) return undefined
  const step = started[1]
  const outcome = lines.find((line) => line === `${step} CACHED` || line.startsWith(`${step} DONE`))
  return outcome?.startsWith(`${step} DONE`) === true
    ? 'DONE'
    : outcome === undefined
      ? undefined
      : 'CACHED'
}

/** Empties the engine's build cache: safe for other tests, which lose only speed. */
function pruneBuildCache(): void {
  execFileSync('docker', ['buildx', 'prune', '--all', '--force'], { stdio: 'ignore' })
}

describe('a registry cache', () => {
  const runs: Record<'exported' | 'cold' | 'imported', ActionRun | undefined> = {
    exported: undefined,
    cold: undefined,
    imported: undefined
  }
  let path: string

  it.beforeAll(async ({ build, env }) => {
    path = freshRepository('build-cache')
    const cache = `type=registry,ref=${env.registry}/${path}:buildcache`
    const common = {
      repository: path,
      inputs: { network: 'host', target: 'app', 'test-target': 'test', 'test-command': 'true' }
    }
    pruneBuildCache()
    runs.exported = await build({
      ...common,
      workspace: makeWorkspace({ Dockerfile: DOCKERFILE }),
      inputs: { ...common.inputs, 'cache-to': `${cache},mode=max` }
    })
    pruneBuildCache()
    runs.cold = await build({ ...common, workspace: makeWorkspace({ Dockerfile: DOCKERFILE }) })
    pruneBuildCache()
    runs.imported = await build({
      ...common,
      workspace: makeWorkspace({ Dockerfile: DOCKERFILE }),
      inputs: { ...common.inputs, 'cache-from': cache }
    })
  })

  it('is exported by the shipped build alone, to the registry', async () => {
    const exported = runs.exported
    expect(exported?.main.exitCode, exported?.main.stdout).toBe(0)
    expect(expensiveStep(exported as ActionRun)).toBe('DONE')
    const [shipped, test] = buildCommands((exported as ActionRun).main.stdout)
    expect(shipped).toContain('--cache-to type=registry,ref=')
    expect(test).toBeDefined()
    expect(test).not.toContain('--cache-to')
    expect(await tagDigest(path, 'buildcache')).toMatch(/^sha256:/)
  })

  it('is needed: with the engine pruned and no cache-from the expensive step runs again', () => {
    expect(runs.cold?.main.exitCode, runs.cold?.main.stdout).toBe(0)
    expect(expensiveStep(runs.cold as ActionRun)).toBe('DONE')
  })

  it('is imported by cache-from after the engine was pruned: the expensive step is CACHED', () => {
    const imported = runs.imported
    expect(imported?.main.exitCode, imported?.main.stdout).toBe(0)
    expect(expensiveStep(imported as ActionRun)).toBe('CACHED')
    for (const command of buildCommands((imported as ActionRun).main.stdout)) {
      expect(command).toContain('--cache-from type=registry,ref=')
    }
  })
})

/** A fake token in the runner's shape: buildx reads its expiry and access scopes. */
function runtimeToken(): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url')
  const now = Math.floor(Date.now() / 1000)
  const scopes = JSON.stringify([{ Scope: 'refs/heads/main', Permission: 3 }])
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ nbf: now - 60, exp: now + 3600, ac: scopes })}.${randomBytes(8).toString('base64url')}`
}

describe('a gha cache', () => {
  it('reaches the runner cache service with the runner token, which is masked and never an argument', async ({
    build
  }) => {
    const seen: Pick<IncomingMessage, 'method' | 'url' | 'headers'>[] = []
    // Every lookup misses, as a first run on a branch does.
    const cacheService = createServer((request, response) => {
      seen.push({ method: request.method, url: request.url, headers: request.headers })
      request.resume()
      response.writeHead(204).end()
    })
    await new Promise<void>((listening) => cacheService.listen(0, '127.0.0.1', listening))
    const { port } = cacheService.address() as AddressInfo
    const token = runtimeToken()
    try {
      const run = await build({
        workspace: makeWorkspace({ Dockerfile: DOCKERFILE }),
        repository: freshRepository('gha-cache'),
        env: { ACTIONS_CACHE_URL: `http://127.0.0.1:${port}/`, ACTIONS_RUNTIME_TOKEN: token },
        inputs: {
          network: 'host',
          target: 'app',
          'test-command': 'true',
          'cache-from': 'type=gha,scope=web'
        }
      })
      expect(run.main.exitCode, run.main.stdout).toBe(0)
      const lookups = seen.filter((request) =>
        request.url?.startsWith('/_apis/artifactcache/cache?')
      )
      expect(lookups.length).toBeGreaterThan(0)
      for (const lookup of lookups) expect(lookup.headers.authorization).toBe(`Bearer ${token}`)
      expect(run.main.stdout).toContain(`::add-mask::${token}`)
      const written = [
        run.main.stdout.replaceAll(`::add-mask::${token}`, ''),
        run.main.stderr,
        run.summary
      ]
      expect(written.join('\n')).not.toContain(token)
      expect(buildCommands(run.main.stdout).join('\n')).toContain('--cache-from type=gha,scope=web')
    } finally {
      await new Promise((closed) => cacheService.close(closed))
    }
  })
})
