// docker push goes to the engine's API where the CLI would talk to its socket, else to the CLI.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

const DIGEST = `sha256:${'d'.repeat(64)}`
const execCalls: string[][] = []

vi.mock('../../src/run-tool.js', () => ({
  runTool: (
    tool: string,
    args: string[],
    options: { onStdout: (data: Buffer) => void }
  ): Promise<number> => {
    execCalls.push([tool, ...args])
    options.onStdout(Buffer.from(`sha-1: digest: ${DIGEST} size: 856\n`))
    return Promise.resolve(0)
  }
}))

const { Docker } = await import('../../src/docker/docker.js')

let server: Server
let dir: string
let socket: string
const auths: unknown[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'docker-push-'))
  socket = join(dir, 'docker.sock')
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const header = request.headers['x-registry-auth']
    auths.push(JSON.parse(Buffer.from(String(header), 'base64url').toString('utf8')))
    response.writeHead(200)
    response.end(`${JSON.stringify({ aux: { Tag: 'sha-1', Digest: DIGEST, Size: 856 } })}\n`)
  })
  await new Promise<void>((resolve) => server.listen(socket, resolve))
})

afterEach(() => {
  execCalls.length = 0
  auths.length = 0
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})

/** A Docker config of its own holding a login for r.test:5000. */
function configWithLogin(): string {
  const config = mkdtempSync(join(dir, 'config-'))
  const auth = Buffer.from('ci:s3cret').toString('base64')
  writeFileSync(join(config, 'config.json'), JSON.stringify({ auths: { 'r.test:5000': { auth } } }))
  return config
}

describe('Docker.push', () => {
  it('asks the engine on its socket, with the config’s login in the header: no CLI process', async () => {
    const docker = new Docker({ DOCKER_HOST: `unix://${socket}`, DOCKER_CONFIG: configWithLogin() })
    const pushed = await docker.push('r.test:5000/acme/web', 'sha-1', 'r.test:5000')
    expect(pushed).toMatchObject({ exitCode: 0, digest: DIGEST })
    expect(auths).toEqual([{ username: 'ci', password: 's3cret', serveraddress: 'r.test:5000' }])
    expect(execCalls).toEqual([])
  })

  it('pushes anonymously through the engine when the config holds no login', async () => {
    const config = mkdtempSync(join(dir, 'empty-'))
    const docker = new Docker({ DOCKER_HOST: `unix://${socket}`, DOCKER_CONFIG: config })
    await docker.push('r.test:5000/acme/web', 'sha-1', 'r.test:5000')
    expect(auths).toEqual([{}])
  })

  it.each([
    ['a remote engine', { DOCKER_HOST: 'tcp://127.0.0.1:2376' }],
    ['a socket that does not answer', { DOCKER_HOST: `unix://${join(tmpdir(), 'none.sock')}` }]
  ])('leaves the push to the CLI for %s, and reads the digest it prints', async (_, env) => {
    const docker = new Docker({ ...env, DOCKER_CONFIG: configWithLogin() })
    const pushed = await docker.push('r.test:5000/acme/web', 'sha-1', 'r.test:5000')
    expect(pushed).toMatchObject({ exitCode: 0, digest: DIGEST })
    expect(execCalls).toEqual([['docker', 'push', 'r.test:5000/acme/web:sha-1']])
    expect(auths).toEqual([])
  })
})
