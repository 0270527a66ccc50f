import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { engineSocket } from '../../src/docker/engine-api.js'

let config: string

beforeEach(() => {
  config = mkdtempSync(join(tmpdir(), 'engine-socket-'))
})

afterEach(() => {
  rmSync(config, { recursive: true, force: true })
})

describe('engineSocket: the socket the docker CLI would talk to', () => {
  it('is the engine’s default with no DOCKER_HOST, and the unix:// path given', async () => {
    expect(await engineSocket({ DOCKER_CONFIG: config })).toBe('/var/run/docker.sock')
    expect(
      await engineSocket({
        DOCKER_CONFIG: config,
        DOCKER_HOST: 'unix:///run/user/1000/docker.sock'
      })
    ).toBe('/run/user/1000/docker.sock')
  })

  it.each(['tcp://127.0.0.1:2376', 'ssh://me@builder', 'npipe:////./pipe/docker_engine'])(
    'is none for DOCKER_HOST=%s: the CLI goes there',
    async (host) => {
      expect(await engineSocket({ DOCKER_CONFIG: config, DOCKER_HOST: host })).toBeUndefined()
    }
  )

  it('is none when a context is chosen, by DOCKER_CONTEXT or the config file', async () => {
    expect(await engineSocket({ DOCKER_CONFIG: config, DOCKER_CONTEXT: 'remote' })).toBeUndefined()
    expect(await engineSocket({ DOCKER_CONFIG: config, DOCKER_CONTEXT: 'default' })).toBe(
      '/var/run/docker.sock'
    )
    const colima = join(config, 'colima')
    mkdirSync(colima)
    writeFileSync(join(colima, 'config.json'), JSON.stringify({ currentContext: 'colima' }))
    expect(await engineSocket({ DOCKER_CONFIG: colima })).toBeUndefined()
    const chosenDefault = join(config, 'default')
    mkdirSync(chosenDefault)
    writeFileSync(join(chosenDefault, 'config.json'), JSON.stringify({ currentContext: 'default' }))
    expect(await engineSocket({ DOCKER_CONFIG: chosenDefault })).toBe('/var/run/docker.sock')
  })

  it('is none when the config cannot be read as the CLI would, and the CLI says why', async () => {
    writeFileSync(join(config, 'config.json'), '{not json')
    expect(await engineSocket({ DOCKER_CONFIG: config })).toBeUndefined()
  })

  it('reads the config once per environment, not at every docker command', async () => {
    writeFileSync(join(config, 'config.json'), JSON.stringify({ currentContext: 'default' }))
    expect(await engineSocket({ DOCKER_CONFIG: config })).toBe('/var/run/docker.sock')
    writeFileSync(join(config, 'config.json'), JSON.stringify({ currentContext: 'colima' }))
    expect(await engineSocket({ DOCKER_CONFIG: config })).toBe('/var/run/docker.sock')
  })
})
