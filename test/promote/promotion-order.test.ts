import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { RunContext } from '../../src/github/context.js'
import type { DeploymentLog } from '../../src/promote/deployment-log.js'
import { promote } from '../../src/promote/promotion.js'
import { parseTag } from '../../src/registry/reference.js'
import type { PromoteSettings } from '../../src/settings/promote.js'
import { FakeManifestStore, manifestFor } from '../harness/fakes/manifest-store.js'

const OLD = manifestFor('old')
const NEW = manifestFor('new')

const settings: PromoteSettings = {
  image: { registry: 'registry.test', path: 'acme/web' },
  source: { kind: 'tag', tag: parseTag('sha-1a2b3c4') },
  targets: ['production', 'v1'].map(parseTag),
  environment: 'production',
  record: true,
  credentials: undefined,
  githubToken: 'ghs_token'
}

/** A deployment log whose start answers only when the test says so, every call noted in `events`. */
function gatedLog(events: string[]): {
  log: DeploymentLog
  answerStart: (id: number) => void
  promotionOver: () => boolean
} {
  let answerStart: (id: number) => void = () => undefined
  let promotionOver: () => boolean = () => false
  const log: DeploymentLog = {
    start: (_promotion, over) => {
      events.push(`start (over: ${String(over?.())})`)
      if (over !== undefined) promotionOver = over
      return new Promise((settle) => (answerStart = settle))
    },
    finish: (id, state) => {
      events.push(`finish ${id} ${state}`)
      return Promise.resolve()
    },
    previous: () => Promise.reject(new Error('not a rollback'))
  }
  return {
    log,
    answerStart: (id) => {
      answerStart(id)
    },
    promotionOver: () => promotionOver()
  }
}

let store: FakeManifestStore
let events: string[]

beforeEach(() => {
  store = new FakeManifestStore()
  store.add(OLD, 'production', 'v1')
  store.add(NEW, 'sha-1a2b3c4')
  events = []
  const put = store.put.bind(store)
  vi.spyOn(store, 'put').mockImplementation((tag, manifest) => {
    events.push(`put ${tag}`)
    return put(tag, manifest)
  })
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

afterEach(() => {
  vi.restoreAllMocks()
})

/** Lets every pending promise callback run, so the promotion goes as far as it can. */
const settle = (): Promise<void> => new Promise((done) => setImmediate(done))

describe('the deployment is created while the tags move', () => {
  it('puts every tag while GitHub has not yet answered, and marks the deployment live after both', async () => {
    const { log, answerStart, promotionOver } = gatedLog(events)

    const promoting = promote(settings, {} as RunContext, store, log)
    await settle()
    expect(events).toEqual(['start (over: false)', 'put production', 'put v1'])
    // Told so, the log marks the deployment straight as finished, not in progress.
    expect(promotionOver()).toBe(true)

    answerStart(42)
    const result = await promoting
    expect(events).toEqual(['start (over: false)', 'put production', 'put v1', 'finish 42 success'])
    expect(result.deploymentId).toBe(42)
  })

  it('puts every tag back when a put fails before GitHub answers, then marks the deployment failed', async () => {
    const before = store.snapshot()
    store.failPut = (_tag, attempt) =>
      attempt === 2 ? new Error('500 from the registry') : undefined
    const { log, answerStart, promotionOver } = gatedLog(events)

    const promoting = promote(settings, {} as RunContext, store, log)
    const failed = expect(promoting).rejects.toThrow('500 from the registry')
    await settle()
    // v1's put failed and production was put back, all before GitHub answered.
    expect(events).toEqual(['start (over: false)', 'put production', 'put v1', 'put production'])
    expect(store.snapshot()).toEqual(before)
    expect(promotionOver()).toBe(true)

    answerStart(42)
    await failed
    expect(events.at(-1)).toBe('finish 42 failure')
  })
})
