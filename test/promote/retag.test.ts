import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseTag, type Tag } from '../../src/registry/reference.js'
import { retag, type TargetState } from '../../src/promote/retag.js'
import { FakeManifestStore, manifestFor } from '../harness/fakes/manifest-store.js'
import { captureStdout } from '../harness/fakes/stdout.js'

const OLD = manifestFor('old')
const STAGED = manifestFor('staged')
const NEW = manifestFor('new')

async function targetsIn(store: FakeManifestStore, ...tags: string[]): Promise<TargetState[]> {
  return Promise.all(
    tags.map(async (tag) => ({ tag: parseTag(tag), before: await store.resolve(parseTag(tag)) }))
  )
}

/** A store where the second put of the promotion fails, as a registry error would. */
function failingSecondPut(): FakeManifestStore {
  const store = new FakeManifestStore()
  store.failPut = (_tag: Tag, attempt: number) =>
    attempt === 2 ? new Error('registry.test answered 500') : undefined
  return store
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('retag', () => {
  it('moves every target and leaves one already there alone', async () => {
    const store = new FakeManifestStore()
    store.add(OLD, 'production')
    store.add(NEW, 'v1')
    captureStdout()

    const result = await retag(store, NEW, await targetsIn(store, 'production', 'v1', 'latest'))

    expect(result).toEqual({ moved: ['production', 'latest'], unchanged: ['v1'] })
    expect(store.snapshot()).toEqual({ production: NEW.digest, v1: NEW.digest, latest: NEW.digest })
  })

  it('puts the first target back at its old digest when the second of three puts fails', async () => {
    const store = failingSecondPut()
    store.add(OLD, 'production')
    store.add(STAGED, 'staging')
    store.add(NEW)
    captureStdout()
    const targets = await targetsIn(store, 'production', 'staging', 'v1')

    await expect(retag(store, NEW, targets)).rejects.toThrow('registry.test answered 500')

    expect(store.snapshot()).toEqual({ production: OLD.digest, staging: STAGED.digest })
    expect(store.puts).toEqual([
      { tag: 'production', digest: NEW.digest },
      { tag: 'staging', digest: NEW.digest },
      { tag: 'production', digest: OLD.digest }
    ])
  })

  it('reports a target that did not exist before, which cannot be put back', async () => {
    const store = failingSecondPut()
    store.add(STAGED, 'staging')
    store.add(NEW)
    const stdout = captureStdout()
    const targets = await targetsIn(store, 'preview', 'staging', 'v1')

    await expect(retag(store, NEW, targets)).rejects.toThrow('registry.test answered 500')

    expect(stdout()).toContain(
      '::warning::preview was new and stays at the promoted digest: registries cannot delete a tag alone.'
    )
    expect(store.snapshot()).toEqual({ staging: STAGED.digest, preview: NEW.digest })
  })

  it('says which tag it could not put back, and still fails with the first error', async () => {
    const store = new FakeManifestStore()
    store.failPut = (_tag, attempt) =>
      attempt >= 2 ? new Error(`put ${attempt} refused`) : undefined
    store.add(OLD, 'production')
    store.add(STAGED, 'staging')
    store.add(NEW)
    const stdout = captureStdout()
    const targets = await targetsIn(store, 'production', 'staging')

    await expect(retag(store, NEW, targets)).rejects.toThrow('put 2 refused')

    expect(stdout()).toContain(
      `::error::Could not put production back at ${OLD.digest}: put 3 refused`
    )
  })
})
