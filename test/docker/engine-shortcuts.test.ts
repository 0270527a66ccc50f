import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runShortcut, shortcutFor } from '../../src/docker/engine-shortcuts.js'

/** An engine API double on a unix socket: answers by method and path, records each request. */
let server: Server
let socket: string
let dir: string
const requests: string[] = []
let answer: (request: IncomingMessage) => { status: number; body?: unknown } = () => ({
  status: 404
})

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'engine-api-'))
  socket = join(dir, 'docker.sock')
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    requests.push(`${request.method ?? ''} ${request.url ?? ''}`)
    const { status, body } = answer(request)
    response.writeHead(status, { 'Content-Type': 'application/json' })
    response.end(body === undefined ? '' : JSON.stringify(body))
  })
  await new Promise<void>((resolve) => server.listen(socket, resolve))
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})

async function ask(args: string[], reply: typeof answer) {
  requests.length = 0
  answer = reply
  return runShortcut(socket, args)
}

describe('the engine API in place of a quiet docker command', () => {
  it('answers docker version with the server version, as --format prints it', async () => {
    const result = await ask(['version', '--format', '{{.Server.Version}}'], () => ({
      status: 200,
      body: { Version: '26.1.5', Os: 'linux', Arch: 'amd64' }
    }))
    expect(result).toEqual({ exitCode: 0, stdout: '26.1.5\n', stderr: '' })
    expect(requests).toEqual(['GET /version'])
    expect(
      await ask(['version', '--format', '{{.Server.Os}}/{{.Server.Arch}}'], () => ({
        status: 200,
        body: { Version: '26.1.5', Os: 'linux', Arch: 'arm64' }
      }))
    ).toMatchObject({ stdout: 'linux/arm64\n' })
  })

  it('inspects an image by its registry name, the JSON as {{json .}} prints it', async () => {
    const image = { Id: 'sha256:abc', Size: 7, RootFS: { Layers: ['sha256:1'] } }
    const result = await ask(
      ['image', 'inspect', '--format', '{{json .}}', '127.0.0.1:5555/acme/web:sha-1234567-run-ab'],
      () => ({ status: 200, body: image })
    )
    expect(JSON.parse(result?.stdout ?? '')).toEqual(image)
    expect(requests).toEqual(['GET /images/127.0.0.1%3A5555/acme/web%3Asha-1234567-run-ab/json'])
  })

  it('fails as the CLI does, with the daemon’s message, when the engine refuses', async () => {
    const result = await ask(['image', 'inspect', '--format', '{{json .}}', 'gone:1'], () => ({
      status: 404,
      body: { message: 'No such image: gone:1' }
    }))
    expect(result).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'Error response from daemon: No such image: gone:1\n'
    })
  })

  it('tags an image, splitting the target into repository and tag at the last colon', async () => {
    const result = await ask(['tag', 'sha256:abc', '127.0.0.1:5555/acme/web:sha-1234567'], () => ({
      status: 201
    }))
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: '' })
    expect(requests).toEqual([
      'POST /images/sha256%3Aabc/tag?repo=127.0.0.1%3A5555%2Facme%2Fweb&tag=sha-1234567'
    ])
  })

  it('removes a container with its volumes, printing its name; a missing one as the CLI says', async () => {
    const name = 'immutable-image-test-0123456789ab'
    expect(await ask(['rm', '--force', '--volumes', name], () => ({ status: 204 }))).toEqual({
      exitCode: 0,
      stdout: `${name}\n`,
      stderr: ''
    })
    expect(requests).toEqual([`DELETE /containers/${name}?force=1&v=1`])
    const missing = await ask(['rm', '--force', '--volumes', name], () => ({
      status: 404,
      body: { message: `No such container: ${name}` }
    }))
    expect(missing?.stderr).toMatch(/no such container/i)
  })

  it('removes an image by name and reads a container’s OOMKilled and a network’s name', async () => {
    expect(await ask(['image', 'rm', 'web:run'], () => ({ status: 200, body: [] }))).toMatchObject({
      exitCode: 0
    })
    expect(requests).toEqual(['DELETE /images/web%3Arun'])
    const oom = await ask(['inspect', '--format', '{{.State.OOMKilled}}', 'c'], () => ({
      status: 200,
      body: { State: { OOMKilled: true } }
    }))
    expect(oom?.stdout).toBe('true\n')
    const network = await ask(['network', 'inspect', '--format', '{{.Name}}', 'tests'], () => ({
      status: 404,
      body: { message: 'network tests not found' }
    }))
    expect(network?.exitCode).toBe(1)
    expect(network?.stderr).toBe('Error response from daemon: network tests not found\n')
  })

  it('leaves to the CLI an answer it cannot read as the CLI would print it', async () => {
    const result = await ask(['version', '--format', '{{.Server.Version}}'], () => ({
      status: 200,
      body: { NoVersion: true }
    }))
    expect(result).toBeUndefined()
  })

  it('leaves to the CLI an engine that does not answer', async () => {
    expect(
      await runShortcut(join(dir, 'no-such.sock'), ['version', '--format', '{{.Server.Version}}'])
    ).toBeUndefined()
  })

  it.each([
    [['build', '.']],
    [['push', 'web:1']],
    [['version']],
    [['image', 'inspect', 'web:1']],
    [['tag', 'a', 'b@sha256:abc']],
    [['rm', 'container']],
    [['image', 'rm', '--force', 'web:1']]
  ])('is no shortcut for %j', (args) => {
    expect(shortcutFor(args)).toBeUndefined()
  })
})
