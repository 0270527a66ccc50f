// Which foreign architectures this machine can run, by the interpreters binfmt_misc has registered.
import { closeSync, openSync, readdirSync, readSync } from 'node:fs'
import { join } from 'node:path'

/** Where the kernel lists binfmt_misc entries, one file each (qemu-aarch64, …). */
export const BINFMT_MISC = '/proc/sys/fs/binfmt_misc'

/** Entry names as tonistiigi/binfmt and qemu-user-static register them, by Docker's architecture. */
const QEMU_ARCHITECTURES: Readonly<Record<string, string>> = {
  'qemu-x86_64': 'amd64',
  'qemu-aarch64': 'arm64',
  'qemu-arm': 'arm',
  'qemu-i386': '386',
  'qemu-riscv64': 'riscv64',
  'qemu-ppc64le': 'ppc64le',
  'qemu-s390x': 's390x',
  'qemu-mips64el': 'mips64le',
  'qemu-mips64': 'mips64',
  'qemu-loongarch64': 'loong64'
}

/** An entry file is at most a few hundred bytes; more is not an entry. */
const MAX_ENTRY_BYTES = 4096

/**
 * The architectures with an enabled emulator entry in `dir`; none when the directory is missing
 * or unreadable (binfmt_misc not mounted). BuildKit's own entries (`buildkit-qemu-…`) count too.
 */
export function emulatedArchitectures(dir: string = BINFMT_MISC): Set<string> {
  const found = new Set<string>()
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return found
  }
  for (const name of names) {
    const architecture = QEMU_ARCHITECTURES[name.replace(/^buildkit-/, '')]
    if (architecture !== undefined && isEnabled(join(dir, name))) found.add(architecture)
  }
  return found
}

function isEnabled(entry: string): boolean {
  let fd: number | undefined
  try {
    fd = openSync(entry, 'r')
    const buffer = Buffer.alloc(MAX_ENTRY_BYTES)
    const read = readSync(fd, buffer, 0, MAX_ENTRY_BYTES, 0)
    return buffer.subarray(0, read).toString('utf8').split('\n')[0]?.trim() === 'enabled'
  } catch {
    return false
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
