import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { uploadFileBlob } from '../../src/registry/chunked-upload.js'
import {
  digestOf,
  startFakeOciRegistry,
  type FakeOciRegistry
} from '../harness/fakes/oci-registry.js'

const LAYER = 'application/vnd.oci.image.layer.v1.tar'

let fake: FakeOciRegistry
let dir: string
let file: FileHandle

beforeEach(async () => {
  fake = await startFakeOciRegistry()
  dir = mkdtempSync(join(tmpdir(), 'chunked-upload-'))
  writeFileSync(join(dir, 'blob'), 'hello')
  file = await open(join(dir, 'blob'))
})

afterEach(async () => {
  await file.close()
  await fake.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('uploadFileBlob', () => {
  const descriptor = { mediaType: LAYER, digest: digestOf('hello'), size: 5 }

  it('starts, sends and commits the upload as its digest', async () => {
    expect(
      await uploadFileBlob(fake.transport(), 'acme/web', descriptor, file, { offset: 0, size: 5 })
    ).toBe('uploaded')
    expect(fake.log.map((line) => line.split(' ')[0])).toEqual(['HEAD', 'POST', 'PATCH', 'PUT'])
  })

  it('fails when the registry says it stored other bytes than those sent', async () => {
    fake.override = (method) =>
      method === 'PUT'
        ? { status: 201, headers: { 'docker-content-digest': digestOf('other') } }
        : undefined
    await expect(
      uploadFileBlob(fake.transport(), 'acme/web', descriptor, file, { offset: 0, size: 5 })
    ).rejects.toThrow(
      `stored the blob as ${digestOf('other')}, but the blob sent was ${digestOf('hello')}`
    )
  })
})
