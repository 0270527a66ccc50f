import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  PushProgress,
  pushThroughEngine,
  registryAuthHeader
} from '../../src/docker/engine-push.js'
import { isRegistryServerError } from '../../src/pipeline/image-push.js'

const DIGEST = `sha256:${'c'.repeat(64)}`

/** An engine double on a unix socket: each push answered by `reply`, each request recorded. */
let server: Server
let socket: string
let dir: string
const requests: { line: string; auth: string | undefined }[] = []
let reply: (response: ServerResponse) => void = (response) => response.end()

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'engine-push-'))
  socket = join(dir, 'docker.sock')
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const auth = request.headers['x-registry-auth']
    requests.push({
      line: `${request.method ?? ''} ${request.url ?? ''}`,
      auth: typeof auth === 'string' ? auth : undefined
    })
    reply(response)
  })
  await new Promise<void>((resolve) => server.listen(socket, resolve))
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})

function stream(...messages: unknown[]): (response: ServerResponse) => void {
  return (response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' })
    response.end(messages.map((message) => `${JSON.stringify(message)}\r\n`).join(''))
  }
}

async function push(answer: typeof reply, auth = 'e30=') {
  requests.length = 0
  reply = answer
  const shown: string[] = []
  const result = await pushThroughEngine(
    socket,
    { repository: '127.0.0.1:5555/acme/web', tag: 'sha-1', auth },
    (t) => {
      shown.push(t.toString())
    }
  )
  return { result, shown: shown.join('') }
}

describe('registryAuthHeader: the login as the CLI encodes it for the engine', () => {
  const decoded = (header: string): unknown =>
    JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))

  it.each([
    [
      'credentials, with the registry as server address',
      { username: 'ci', password: 'p+/?>' },
      'r.test:5000',
      { username: 'ci', password: 'p+/?>', serveraddress: 'r.test:5000' }
    ],
    [
      'an identity token',
      { identityToken: 'tok' },
      'r.test',
      { identitytoken: 'tok', serveraddress: 'r.test' }
    ],
    [
      'Docker Hub under the CLI’s key',
      { username: 'me', password: 'x' },
      'docker.io',
      { username: 'me', password: 'x', serveraddress: 'https://index.docker.io/v1/' }
    ],
    ['nothing for an anonymous push', undefined, 'r.test', {}]
  ])('%s', (_, login, registry, expected) => {
    expect(decoded(registryAuthHeader(login, registry))).toEqual(expected)
  })

  it('is base64url with its padding, which the engine’s Go decoder needs', () => {
    const header = registryAuthHeader({ username: 'u', password: '>>>??' }, 'r')
    expect(header).toMatch(/^[A-Za-z0-9_-]+=*$/)
    expect(header.length % 4).toBe(0)
    expect(registryAuthHeader(undefined, 'r')).toBe('e30=')
  })
})

describe('pushThroughEngine', () => {
  it('posts the repository and tag with the login in X-Registry-Auth, and reads the digest', async () => {
    const { result, shown } = await push(
      stream(
        { status: 'The push refers to repository [127.0.0.1:5555/acme/web]' },
        { status: 'Preparing', progressDetail: {}, id: 'a1' },
        {
          status: 'Pushing',
          progressDetail: { current: 5, total: 10 },
          progress: '[==>  ]',
          id: 'a1'
        },
        { status: 'Pushed', progressDetail: {}, id: 'a1' },
        { status: `sha-1: digest: ${DIGEST} size: 856` },
        { progressDetail: {}, aux: { Tag: 'sha-1', Digest: DIGEST, Size: 856 } }
      ),
      'c2VjcmV0'
    )
    expect(requests).toEqual([
      { line: 'POST /images/127.0.0.1%3A5555/acme/web/push?tag=sha-1', auth: 'c2VjcmV0' }
    ])
    expect(result).toEqual({
      exitCode: 0,
      stdout: `The push refers to repository [127.0.0.1:5555/acme/web]\na1: Preparing\na1: Pushed\nsha-1: digest: ${DIGEST} size: 856\n`,
      stderr: '',
      digest: DIGEST
    })
    expect(shown).toBe(
      `[command]docker push 127.0.0.1:5555/acme/web:sha-1\n${result?.stdout ?? ''}`
    )
  })

  it('takes the digest from the aux message, and ignores one that is no digest', async () => {
    expect((await push(stream({ aux: { Digest: DIGEST } }))).result?.digest).toBe(DIGEST)
    expect((await push(stream({ aux: { Digest: 'sha256:../../x' } }))).result?.digest).toBe(
      undefined
    )
  })

  it('reads the digest from the status line where the engine sends no aux (containerd store)', async () => {
    const { result } = await push(
      stream(
        { status: 'Layer already exists', progressDetail: {}, id: 'd9ad748730a9' },
        { status: `sha-1: digest: ${DIGEST} size: 536` }
      )
    )
    expect(result?.digest).toBe(DIGEST)
  })

  it('fails with the error the stream ends with, as the CLI prints it: a registry 5xx is seen', async () => {
    const message = 'received unexpected HTTP status: 503 Service Unavailable'
    const { result } = await push(
      stream({ status: 'Preparing', id: 'a1' }, { errorDetail: { message }, error: message })
    )
    expect(result).toMatchObject({ exitCode: 1, stderr: `${message}\n`, digest: undefined })
    expect(isRegistryServerError(result?.stderr ?? '')).toBe(true)
  })

  it('fails as the CLI does when the engine refuses the push', async () => {
    const { result } = await push((response) => {
      response.writeHead(404, { 'Content-Type': 'application/json' })
      response.end(JSON.stringify({ message: 'No such image: 127.0.0.1:5555/acme/web:sha-1' }))
    })
    expect(result).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'Error response from daemon: No such image: 127.0.0.1:5555/acme/web:sha-1\n',
      digest: undefined
    })
  })

  it('stops reading a line longer than 64 KiB, and fails', async () => {
    const { result } = await push((response) => {
      response.writeHead(200)
      response.write(`{"status":"${'x'.repeat(70 * 1024)}`)
    })
    expect(result).toMatchObject({ exitCode: 1, stderr: /longer than a 64 KiB line/ })
  })

  it('fails when the stream is cut before its end', async () => {
    const { result } = await push((response) => {
      response.writeHead(200)
      response.write('{"status":"Preparing","id":"a1"}\n')
      setTimeout(() => response.socket?.destroy(), 10)
    })
    expect(result).toMatchObject({ exitCode: 1, stderr: /ended early/ })
  })

  it('leaves the push to the CLI when no engine answers on the socket', async () => {
    const result = await pushThroughEngine(
      join(dir, 'none.sock'),
      { repository: 'r/a', tag: 't', auth: 'e30=' },
      undefined
    )
    expect(result).toBeUndefined()
  })
})

describe('PushProgress', () => {
  it('passes over lines that are no JSON message', () => {
    const progress = new PushProgress(undefined)
    for (const line of ['', 'not json', '[1]', 'null', '{"status":7}']) progress.line(line)
    expect(progress.result()).toEqual({ exitCode: 0, stdout: '', stderr: '', digest: undefined })
  })
})
