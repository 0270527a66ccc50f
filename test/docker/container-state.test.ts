import { describe, expect, it } from 'vitest'
import { parseContainerState } from '../../src/docker/container-state.js'

const RUNNING = {
  Status: 'running',
  Running: true,
  OOMKilled: false,
  ExitCode: 0,
  Error: ''
}

describe('parseContainerState', () => {
  it('reads a running container without a HEALTHCHECK', () => {
    expect(parseContainerState(JSON.stringify(RUNNING))).toEqual({
      running: true,
      exitCode: 0,
      oomKilled: false,
      health: undefined,
      lastHealthCheck: undefined
    })
  })

  it.each(['starting', 'healthy', 'unhealthy'] as const)('reads the health %s', (status) => {
    const state = { ...RUNNING, Health: { Status: status, FailingStreak: 0, Log: [] } }
    expect(parseContainerState(JSON.stringify(state))?.health).toBe(status)
  })

  it('keeps the last HEALTHCHECK run’s exit code and output', () => {
    const log = [
      { ExitCode: 0, Output: 'ok' },
      { ExitCode: 1, Output: 'connection refused' }
    ]
    const state = { ...RUNNING, Health: { Status: 'unhealthy', Log: log } }
    expect(parseContainerState(JSON.stringify(state))?.lastHealthCheck).toEqual({
      exitCode: 1,
      output: 'connection refused'
    })
  })

  it('reads an exited container’s code and whether memory ran out', () => {
    const state = { ...RUNNING, Status: 'exited', Running: false, OOMKilled: true, ExitCode: 137 }
    expect(parseContainerState(JSON.stringify(state))).toMatchObject({
      running: false,
      exitCode: 137,
      oomKilled: true
    })
  })

  it.each([
    ['not JSON', 'Error: No such container'],
    ['null', 'null'],
    ['no Running', JSON.stringify({ ExitCode: 0 })],
    ['an exit code that is not a number', JSON.stringify({ Running: false, ExitCode: '1' })]
  ])('refuses %s', (_, text) => {
    expect(parseContainerState(text)).toBeUndefined()
  })

  it('takes an unknown health status for none', () => {
    const state = { ...RUNNING, Health: { Status: 'great' } }
    expect(parseContainerState(JSON.stringify(state))?.health).toBeUndefined()
  })
})
