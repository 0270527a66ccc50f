// Runs racing each other: ten promotions to one target, two builds of one commit, a tag mid-push.
import { describe, expect } from 'vitest'
import {
  freshRepository,
  it,
  makeWorkspace,
  pushImage,
  storedObjects,
  tagDigest,
  type ActionRun
} from '../harness/index.js'

describe('ten promotions of different sources to one target at once', () => {
  const path = freshRepository('race')
  const sources: string[] = []
  let runs: ActionRun[]

  it.beforeAll(async ({ promote }) => {
    for (let index = 0; index < 10; index++)
      sources.push(await pushImage(path, `sha-${String(index).padStart(7, '0')}`))
    runs = await Promise.all(
      sources.map((_digest, index) =>
        promote({
          repository: path,
          inputs: { source: `sha-${String(index).padStart(7, '0')}`, target: 'production' },
          env: { GITHUB_RUN_ID: String(5000 + index) }
        })
      )
    )
  })

  it('ends every run cleanly', () => {
    expect(runs.map((run) => run.main.exitCode)).toEqual(Array(10).fill(0))
  })

  it('leaves the target at one of the sources', async () => {
    expect(sources).toContain(await tagDigest(path, 'production'))
  })

  it('records every promotion with real before and after digests', ({ env, github }) => {
    const image = `${env.registry}/${path}`
    const recorded = github.deployments.filter(
      (deployment) => (deployment.payload as { image?: string }).image === image
    )
    expect(recorded).toHaveLength(10)
    const payloads = recorded.map(
      (deployment) => deployment.payload as { digest: string; previous_digest: string }
    )
    expect(new Set(payloads.map((payload) => payload.digest))).toEqual(new Set(sources))
    for (const payload of payloads) expect(['', ...sources]).toContain(payload.previous_digest)
    for (const deployment of recorded) {
      expect(['in_progress', 'success']).toContain(deployment.statuses.at(0)?.state)
    }
  })
})

describe('two runs of the build action for the same commit at once', () => {
  it('both succeed, the tag names one of their images, and the pull request has one comment', async ({
    build,
    github
  }) => {
    const path = freshRepository('twice')
    const workspace = makeWorkspace()
    const run = (): Promise<ActionRun> =>
      build({ workspace, repository: path, pullRequest: { number: 61 } })
    const [first, second] = await Promise.all([run(), run()])
    expect(first.main.exitCode, first.main.stdout).toBe(0)
    expect(second.main.exitCode, second.main.stdout).toBe(0)
    // Registries have no conditional write: a push that starts inside the other run's push can
    // still land last. The tag then names one of the two images, each built from this commit.
    const digest = await tagDigest(path, `sha-${workspace.sha.slice(0, 7)}`)
    expect([first.outputs.digest, second.outputs.digest]).toContain(digest)
    expect(github.commentsOn(61)).toHaveLength(1)
  })
})

describe('a SHA tag read while another run’s push under it is halfway', () => {
  it('is read again past the attestation the tag names for a moment, and the image reused', async ({
    build,
    proxy
  }) => {
    const repository = freshRepository('halfway')
    const workspace = makeWorkspace()
    const first = await build({ workspace, repository, registry: proxy.host })
    expect(first.main.exitCode, first.main.stdout).toBe(0)
    // docker push PUTs each child manifest under the tag before the index: the attestation last.
    const objects = await storedObjects(repository, first.outputs.digest ?? '')
    const attestation = objects.find((object) =>
      object.content.toString('utf8').includes('application/vnd.in-toto+json"')
    )
    expect(attestation, objects.map((object) => object.digest).join('\n')).toBeDefined()
    proxy.inject(
      {
        kind: 'answer',
        headers: {
          'content-type': attestation?.mediaType ?? '',
          'docker-content-digest': attestation?.digest ?? ''
        },
        body: attestation?.content ?? Buffer.alloc(0)
      },
      1,
      'GET',
      /\/manifests\/sha-/
    )
    const rerun = await build({
      workspace,
      repository,
      registry: proxy.host,
      inputs: { 'if-exists': 'skip', comment: 'false' }
    })
    proxy.clearFaults()
    expect(rerun.main.exitCode, rerun.main.stdout).toBe(0)
    expect(rerun.outputs.pushed).toBe('false')
    expect(rerun.outputs.digest).toBe(first.outputs.digest)
  })
})
