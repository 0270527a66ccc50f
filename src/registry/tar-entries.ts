// Where each file of a tar archive lies, read from its headers alone: the contents stay on disk.
import type { FileHandle } from 'node:fs/promises'

export interface TarEntry {
  /** Offset of the file's contents in the archive. */
  readonly offset: number
  readonly size: number
}

export class TarFormatError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TarFormatError'
  }
}

const BLOCK = 512
/** An OCI layout lists a few files per layer; far more is not an image. */
const MAX_ENTRIES = 10_000
/** A PAX or GNU long-name header holds a path, not data. */
const MAX_NAME_HEADER = 64 * 1024

/** Regular files by path (`blobs/sha256/…`, `index.json`); directories and links are left out. */
export async function tarEntries(file: FileHandle): Promise<Map<string, TarEntry>> {
  const entries = new Map<string, TarEntry>()
  const header = Buffer.alloc(BLOCK)
  let position = 0
  let longName: string | undefined
  for (let count = 0; ; count++) {
    if (count > MAX_ENTRIES) throw new TarFormatError(`more than ${MAX_ENTRIES} entries`)
    const { bytesRead } = await file.read(header, 0, BLOCK, position)
    if (bytesRead < BLOCK || header.every((byte) => byte === 0)) return entries
    const size = octal(header.subarray(124, 136))
    const type = String.fromCharCode(header[156] ?? 0)
    const offset = position + BLOCK
    position = offset + Math.ceil(size / BLOCK) * BLOCK
    if (type === 'x' || type === 'L') {
      if (size > MAX_NAME_HEADER) throw new TarFormatError(`a ${size}-byte name header`)
      const body = Buffer.alloc(size)
      await file.read(body, 0, size, offset)
      longName = type === 'L' ? cString(body) : paxPath(body.toString('utf8'))
      continue
    }
    const name = longName ?? headerName(header)
    longName = undefined
    if (type === '0' || type === '\0') entries.set(name.replace(/^\.\//, ''), { offset, size })
  }
}

function headerName(header: Buffer): string {
  const name = cString(header.subarray(0, 100))
  const ustar = header.subarray(257, 262).toString('latin1') === 'ustar'
  const prefix = ustar ? cString(header.subarray(345, 500)) : ''
  return prefix === '' ? name : `${prefix}/${name}`
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0)
  return bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8')
}

function octal(field: Buffer): number {
  if (((field[0] ?? 0) & 0x80) !== 0) throw new TarFormatError('a file over 8 GiB')
  const text = cString(field).trim()
  if (!/^[0-7]*$/.test(text)) throw new TarFormatError(`the size '${text}' is not octal`)
  return text === '' ? 0 : parseInt(text, 8)
}

/** The `path` record of a PAX header (`<length> path=<value>\n` records); undefined without one. */
function paxPath(records: string): string | undefined {
  for (const record of records.split('\n')) {
    const match = /^\d+ path=(.*)$/.exec(record)
    if (match?.[1] !== undefined) return match[1]
  }
  return undefined
}
