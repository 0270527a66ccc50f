import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CONFIG_READ_LIMIT, readDockerConfigFile } from '../../src/registry/docker-config-file.js'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'docker-config-file-'))
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('readDockerConfigFile', () => {
  it('gives the object, or says the file is absent', async () => {
    expect(await readDockerConfigFile(dir)).toEqual({ kind: 'absent' })
    writeFileSync(join(dir, 'config.json'), '{"currentContext":"default"}')
    expect(await readDockerConfigFile(dir)).toEqual({
      kind: 'object',
      config: { currentContext: 'default' }
    })
  })

  it.each([['{not json'], ['[1,2]'], ['"text"']])('calls %j invalid', async (text) => {
    writeFileSync(join(dir, 'config.json'), text)
    expect(await readDockerConfigFile(dir)).toEqual({ kind: 'invalid' })
  })

  it('does not read a file over the cap', async () => {
    writeFileSync(join(dir, 'config.json'), `{"x":"${'a'.repeat(CONFIG_READ_LIMIT)}"}`)
    expect(await readDockerConfigFile(dir)).toEqual({ kind: 'invalid' })
  })
})
