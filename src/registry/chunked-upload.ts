// Uploads one blob of any size from a file, in chunks (POST, PATCH…, PUT), checking its digest on the way.
import type { FileHandle } from 'node:fs/promises'
import { ERROR_BODY_LIMIT } from './body.js'
import {
  blobExists,
  finishUpload,
  locationPath,
  nextLocation,
  startUpload,
  type BlobDescriptor
} from './blob-upload.js'
import type { RegistryTransport } from './transport.js'

/** At most this much of a layer is in memory at once. */
export const UPLOAD_CHUNK = 8 * 1024 * 1024

/** Where in `file` the blob's bytes are. */
export interface FileRange {
  readonly offset: number
  readonly size: number
}

/**
 * Sends the bytes at `range` as the blob `descriptor`; skipped when the registry has it. Bytes that
 * do not hash to the digest are never committed: the upload is left unfinished.
 */
export async function uploadFileBlob(
  transport: RegistryTransport,
  repository: string,
  descriptor: BlobDescriptor,
  file: FileHandle,
  range: FileRange
): Promise<'uploaded' | 'present'> {
  if (range.size !== descriptor.size) {
    throw transport.error(
      `the blob ${descriptor.digest} is ${range.size} bytes, but its manifest says ${descriptor.size}`,
      repository
    )
  }
  if (await blobExists(transport, repository, descriptor.digest)) return 'present'
  let location = await startUpload(transport, repository)
  const hash = process.getBuiltinModule('node:crypto').createHash('sha256')
  const chunk = Buffer.alloc(Math.min(UPLOAD_CHUNK, Math.max(range.size, 1)))
  for (let sent = 0; sent < range.size;) {
    const length = Math.min(chunk.length, range.size - sent)
    const { bytesRead } = await file.read(chunk, 0, length, range.offset + sent)
    if (bytesRead !== length) {
      throw transport.error(`the saved image ended inside ${descriptor.digest}`, repository)
    }
    const body = chunk.subarray(0, length)
    hash.update(body)
    const answer = await transport.request({
      method: 'PATCH',
      repository,
      path: locationPath(transport, repository, location, undefined),
      headers: {
        'content-type': 'application/octet-stream',
        'content-range': `${sent}-${sent + length - 1}`
      },
      body,
      bodyLimit: ERROR_BODY_LIMIT,
      what: `the answer to a chunk of ${descriptor.digest}`
    })
    location = nextLocation(transport, repository, answer, `take a chunk of ${descriptor.digest}`)
    sent += length
  }
  const computed = `sha256:${hash.digest('hex')}`
  if (computed !== descriptor.digest) {
    throw transport.error(
      `the saved bytes of ${descriptor.digest} hash to ${computed}: not uploaded`,
      repository
    )
  }
  await finishUpload(transport, repository, location, descriptor.digest)
  return 'uploaded'
}
