import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tarEntries } from '../../src/registry/tar-entries.js'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tar-'))
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

const LONG = `blobs/${'d'.repeat(60)}/${'e'.repeat(70)}`

async function entriesOf(format: string): Promise<Map<string, Buffer>> {
  mkdirSync(join(dir, 'in', LONG, '..'), { recursive: true })
  writeFileSync(join(dir, 'in', 'index.json'), '{"a":1}')
  writeFileSync(join(dir, 'in', LONG), 'x'.repeat(1500))
  const archive = join(dir, `${format}.tar`)
  execFileSync('tar', [`--format=${format}`, '-cf', archive, '-C', join(dir, 'in'), '.'])
  const file = await open(archive, 'r')
  try {
    const contents = new Map<string, Buffer>()
    for (const [name, entry] of await tarEntries(file)) {
      const bytes = Buffer.alloc(entry.size)
      await file.read(bytes, 0, entry.size, entry.offset)
      contents.set(name, bytes)
    }
    return contents
  } finally {
    await file.close()
  }
}

describe('tarEntries', () => {
  it.each(['gnu', 'pax', 'ustar'])(
    'finds each regular file of a %s archive, long names too, at its offset',
    async (format) => {
      const contents = await entriesOf(format)
      expect([...contents.keys()].sort()).toEqual([LONG, 'index.json'].sort())
      expect(contents.get('index.json')?.toString()).toBe('{"a":1}')
      expect(contents.get(LONG)?.toString()).toBe('x'.repeat(1500))
    }
  )
})
