// A Docker socket in front of the real one that drops every connection once a build has started,
// as an engine that dies mid-build would.
import { mkdtempSync } from 'node:fs'
import { createConnection, createServer, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testEnv } from './test-env.js'

export interface DyingEngine {
  /** DOCKER_HOST value for the action. */
  readonly host: string
  /** How many builds it cut off. */
  readonly builds: number
  close(): Promise<void>
}

export async function startDyingEngine(
  realSocket = testEnv().dockerEnv.DOCKER_HOST?.replace(/^unix:\/\//, '') ?? '',
  afterMs = 300
): Promise<DyingEngine> {
  const path = join(mkdtempSync(join(tmpdir(), 'dying-engine-')), 'docker.sock')
  const state = { builds: 0, dying: false }
  const sockets = new Set<Socket>()
  const server = createServer((client) => {
    const engine = createConnection(realSocket)
    sockets.add(client).add(engine)
    client.on('data', (chunk: Buffer) => {
      // The classic builder posts /build; buildx opens a /session (and several /grpc streams).
      if (state.dying || !/^POST (\/v[\d.]+\/build|\/session)/m.test(chunk.toString('latin1')))
        return
      state.builds++
      state.dying = true
      setTimeout(() => {
        for (const socket of sockets) socket.destroy()
        state.dying = false
      }, afterMs)
    })
    client.pipe(engine).pipe(client)
    const close = (): void => {
      client.destroy()
      engine.destroy()
    }
    client.on('error', close)
    engine.on('error', close)
  })
  await new Promise<void>((resolve) => server.listen(path, resolve))
  return {
    host: `unix://${path}`,
    get builds() {
      return state.builds
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => {
          resolve()
        })
      })
  }
}
