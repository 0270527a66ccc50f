import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { offLoopbackAttempts } from './loopback-only.js'

afterEach(() => {
  offLoopbackAttempts.length = 0
})

function attempt(host: string, port: number): Promise<Error | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host, port })
    socket.on('error', resolve)
    socket.on('connect', () => {
      socket.destroy()
      resolve(undefined)
    })
  })
}

describe('the loopback-only guard every test runs under', () => {
  it.each([
    ['10.0.0.1', 443],
    ['169.254.169.254', 80],
    ['fe80::1', 443]
  ])('stops a connection to %s before it leaves, and records it', async (host, port) => {
    const error = await attempt(host, port)
    expect(error?.message).toBe(`test guard: no connection to ${host}`)
    expect(offLoopbackAttempts).toEqual([host])
  })

  it('lets loopback through', async () => {
    const error = await attempt('127.0.0.1', 9)
    expect(error?.message ?? '').not.toContain('test guard')
    expect(offLoopbackAttempts).toEqual([])
  })
})
