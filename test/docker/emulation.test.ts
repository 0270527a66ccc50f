import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emulatedArchitectures } from '../../src/docker/emulation.js'

const ENTRY =
  'enabled\ninterpreter /usr/bin/qemu-aarch64-static\nflags: F\noffset 0\nmagic 7f454c46\n'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'binfmt-'))
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('emulatedArchitectures', () => {
  it('names the architecture of each enabled qemu entry, as Docker spells it', () => {
    writeFileSync(join(dir, 'qemu-aarch64'), ENTRY)
    writeFileSync(join(dir, 'qemu-riscv64'), ENTRY)
    writeFileSync(join(dir, 'register'), '')
    writeFileSync(join(dir, 'status'), 'enabled\n')
    expect([...emulatedArchitectures(dir)].sort()).toEqual(['arm64', 'riscv64'])
  })

  it('counts the entries BuildKit registers itself', () => {
    writeFileSync(join(dir, 'buildkit-qemu-arm'), ENTRY)
    expect([...emulatedArchitectures(dir)]).toEqual(['arm'])
  })

  it('leaves out a disabled entry', () => {
    writeFileSync(join(dir, 'qemu-aarch64'), ENTRY.replace('enabled', 'disabled'))
    expect(emulatedArchitectures(dir).size).toBe(0)
  })

  it('finds none where binfmt_misc is not mounted, or an entry cannot be read', () => {
    expect(emulatedArchitectures(join(dir, 'missing')).size).toBe(0)
    mkdirSync(join(dir, 'qemu-s390x'))
    expect(emulatedArchitectures(dir).size).toBe(0)
  })
})
