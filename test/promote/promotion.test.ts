import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PAYLOAD_TOOL } from '../../src/github/deployments.js'
import type { RunContext } from '../../src/github/context.js'
import { githubDeploymentLog } from '../../src/promote/deployment-log.js'
import { promote } from '../../src/promote/promotion.js'
import type { Manifest } from '../../src/registry/client.js'
import { sha256Digest } from '../../src/registry/digest.js'
import { OCI_MANIFEST } from '../../src/registry/media-types.js'
import { parseTag } from '../../src/registry/reference.js'
import type { PromoteSettings, Source } from '../../src/settings/promote.js'
import { FakeDeploymentHistory } from '../harness/fakes/deployment-history.js'
import { FakeManifestStore, manifestFor } from '../harness/fakes/manifest-store.js'

const IMAGE = 'registry.test/acme/web'
const OLD = manifestFor('old')
const NEW = manifestFor('new')
/** What BuildKit lists beside the image in its index: in-toto statements as layers. */
const ATTESTATION = ((): Manifest => {
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: 'sha256:c' },
      layers: [{ mediaType: 'application/vnd.in-toto+json', digest: 'sha256:s' }]
    })
  )
  return { digest: sha256Digest(bytes), mediaType: OCI_MANIFEST, size: bytes.length, bytes }
})()

const run: RunContext = {
  owner: 'acme',
  repo: 'web',
  eventName: 'workflow_dispatch',
  eventSha: 'a'.repeat(40),
  eventCommitTime: undefined,
  pullRequest: undefined,
  serverUrl: 'https://github.test',
  apiUrl: 'https://api.github.test',
  repositoryUrl: 'https://github.test/acme/web',
  runUrl: 'https://github.test/acme/web/actions/runs/1',
  actor: 'octocat'
}

function settings(source: Source, targets: string[], record = true): PromoteSettings {
  return {
    image: { registry: 'registry.test', path: 'acme/web' },
    source,
    targets: targets.map(parseTag),
    environment: targets[0] ?? '',
    record,
    credentials: undefined,
    githubToken: 'ghs_token'
  }
}

let store: FakeManifestStore
let history: FakeDeploymentHistory

function promoteOnFakes(promotion: PromoteSettings): ReturnType<typeof promote> {
  const log = githubDeploymentLog(
    run,
    {
      token: promotion.githubToken,
      record: promotion.record,
      environment: promotion.environment,
      image: IMAGE
    },
    () => Promise.resolve(history)
  )
  return promote(promotion, run, store, log)
}

beforeEach(() => {
  store = new FakeManifestStore()
  history = new FakeDeploymentHistory()
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('promote', () => {
  it('moves the targets to the source tag’s digest and says what each held before', async () => {
    store.add(OLD, 'production')
    store.add(NEW, 'sha-1a2b3c4')

    const result = await promoteOnFakes(
      settings({ kind: 'tag', tag: parseTag('sha-1a2b3c4') }, ['production', 'v1'])
    )

    expect(result).toEqual({
      image: IMAGE,
      digest: NEW.digest,
      previousDigest: OLD.digest,
      source: 'sha-1a2b3c4',
      moved: ['production', 'v1'],
      unchanged: [],
      deploymentId: 100
    })
    expect(store.snapshot()).toMatchObject({ production: NEW.digest, v1: NEW.digest })
  })

  it('asks for a tag source while the targets are still being resolved', async () => {
    store.add(OLD, 'production')
    store.add(NEW, 'sha-1a2b3c4')
    const events: string[] = []
    const resolve = store.resolve.bind(store)
    const fetch = store.fetch.bind(store)
    vi.spyOn(store, 'resolve').mockImplementation(async (reference) => {
      events.push(`resolve ${reference}`)
      await new Promise((settle) => setTimeout(settle, 5))
      events.push(`resolved ${reference}`)
      return resolve(reference)
    })
    vi.spyOn(store, 'fetch').mockImplementation((reference) => {
      events.push(`fetch ${reference}`)
      return fetch(reference)
    })

    await promoteOnFakes(settings({ kind: 'tag', tag: parseTag('sha-1a2b3c4') }, ['production']))

    expect(events).toEqual(['resolve production', 'fetch sha-1a2b3c4', 'resolved production'])
  })

  it('records the deployment with the digest and the digest it replaced, then marks it live', async () => {
    store.add(OLD, 'production')
    store.add(NEW, 'sha-1a2b3c4')

    await promoteOnFakes(settings({ kind: 'tag', tag: parseTag('sha-1a2b3c4') }, ['production']))

    const [deployment] = history.deployments
    expect(deployment).toMatchObject({
      ref: run.eventSha,
      environment: 'production',
      production: true,
      description: `${IMAGE}@${NEW.digest}`,
      payload: {
        tool: PAYLOAD_TOOL,
        image: IMAGE,
        digest: NEW.digest,
        previous_digest: OLD.digest,
        source: 'sha-1a2b3c4',
        targets: ['production'],
        actor: 'octocat',
        run_url: run.runUrl
      }
    })
    expect(deployment?.statuses.map((status) => status.state)).toEqual(['in_progress', 'success'])
    expect(deployment?.statuses[1]).toMatchObject({ autoInactive: true, logUrl: run.runUrl })
  })

  it('goes from the create straight to the final status when the tags moved before GitHub answered it', async () => {
    store.add(OLD, 'production')
    store.add(NEW, 'sha-1a2b3c4')
    const create = history.create.bind(history)
    const put = store.put.bind(store)
    let putsAnswered = (): void => undefined
    const bothPut = new Promise<void>((resolve) => (putsAnswered = resolve))
    vi.spyOn(store, 'put').mockImplementation(async (tag, manifest) => {
      const digest = await put(tag, manifest)
      if (store.puts.length === 2) putsAnswered()
      return digest
    })
    // GitHub answers the create only once every put has been answered and the retag is over.
    vi.spyOn(history, 'create').mockImplementation(async (deployment) => {
      await bothPut
      await new Promise((next) => setImmediate(next))
      return create(deployment)
    })

    const result = await promoteOnFakes(
      settings({ kind: 'tag', tag: parseTag('sha-1a2b3c4') }, ['production', 'v1'])
    )

    expect(store.snapshot()).toMatchObject({ production: NEW.digest, v1: NEW.digest })
    const deployment = history.deployments.find(({ id }) => id === result.deploymentId)
    expect(deployment?.statuses.map((status) => status.state)).toEqual(['success'])
  })

  it('leaves every tag as it was and marks the deployment failed when a put fails', async () => {
    store.add(OLD, 'production', 'v1')
    store.add(NEW, 'sha-1a2b3c4')
    const before = store.snapshot()
    store.failPut = (_tag, attempt) =>
      attempt === 2 ? new Error('500 from the registry') : undefined

    await expect(
      promoteOnFakes(settings({ kind: 'tag', tag: parseTag('sha-1a2b3c4') }, ['production', 'v1']))
    ).rejects.toThrow('500 from the registry')

    expect(store.snapshot()).toEqual(before)
    expect(history.deployments[0]?.statuses.map((status) => status.state)).toEqual([
      'in_progress',
      'failure'
    ])
  })

  it('changes nothing and records nothing when the source is not in the repository', async () => {
    store.add(OLD, 'production')
    const before = store.snapshot()

    await expect(
      promoteOnFakes(settings({ kind: 'tag', tag: parseTag('sha-missing') }, ['production']))
    ).rejects.toThrow(`source 'sha-missing' was not found in ${IMAGE}: nothing was changed`)

    expect(store.snapshot()).toEqual(before)
    expect(store.puts).toEqual([])
    expect(history.deployments).toEqual([])
  })

  it('reads a source tag again that names an attestation: a docker push caught halfway', async () => {
    store.add(OLD, 'production')
    store.add(NEW, 'sha-1a2b3c4')
    const attestation = store.add(ATTESTATION)
    vi.spyOn(store, 'fetch').mockResolvedValueOnce(attestation)

    const result = await promoteOnFakes(
      settings({ kind: 'tag', tag: parseTag('sha-1a2b3c4') }, ['production'])
    )

    expect(result.digest).toBe(NEW.digest)
    expect(store.tags.get('production')).toBe(NEW.digest)
  })

  it('changes nothing when the source is an attestation manifest, not an image', async () => {
    store.add(OLD, 'production')
    store.add(ATTESTATION)
    const before = store.snapshot()

    await expect(
      promoteOnFakes(settings({ kind: 'digest', digest: ATTESTATION.digest }, ['production']))
    ).rejects.toThrow(
      `source '${ATTESTATION.digest}' in ${IMAGE} is an attestation manifest, not an image: nothing was changed`
    )

    expect(store.snapshot()).toEqual(before)
    expect(store.puts).toEqual([])
    expect(history.deployments).toEqual([])
  })

  it('rolls back to what the environment ran before the deployment that put the current digest there', async () => {
    store.add(OLD)
    store.add(NEW, 'production')
    history.seed('production', {
      tool: PAYLOAD_TOOL,
      image: IMAGE,
      digest: NEW.digest,
      previous_digest: OLD.digest
    })

    const result = await promoteOnFakes(settings({ kind: 'previous' }, ['production']))

    expect(result).toMatchObject({ digest: OLD.digest, previousDigest: NEW.digest })
    expect(store.snapshot()).toEqual({ production: OLD.digest })
    expect(history.deployments[0]?.payload).toMatchObject({
      source: `previous (${OLD.digest})`,
      digest: OLD.digest,
      previous_digest: NEW.digest
    })
  })

  it('refuses a rollback when the environment’s tag does not exist, before any change', async () => {
    await expect(promoteOnFakes(settings({ kind: 'previous' }, ['production']))).rejects.toThrow(
      `${IMAGE}:production does not exist: there is nothing to roll back`
    )
    expect(store.puts).toEqual([])
    expect(history.deployments).toEqual([])
  })

  it('records no deployment when record is false', async () => {
    store.add(NEW, 'sha-1a2b3c4')

    const result = await promoteOnFakes(
      settings({ kind: 'tag', tag: parseTag('sha-1a2b3c4') }, ['staging'], false)
    )

    expect(result.deploymentId).toBeUndefined()
    expect(history.deployments).toEqual([])
    expect(store.snapshot()).toMatchObject({ staging: NEW.digest })
  })
})
