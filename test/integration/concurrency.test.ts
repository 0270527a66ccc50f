import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  startGitHubApiDouble,
  WRITE_TOKEN,
  type GitHubApiDouble
} from '../support/github-double/index.js'
import { pullRequestEvent } from '../support/event-payloads.js'
import { pushImage } from './support/images.js'
import { freshRepository, tagDigest } from './support/registry.js'
import { runAction } from './support/runner.js'
import { testEnv } from './support/test-env.js'
import { makeWorkspace } from './support/workspace.js'

// GITHUB_SHA as the runner double sets it: the commit a promotion's deployment names.
const RUNNER_SHA = '0'.repeat(40)

let github: GitHubApiDouble

beforeAll(async () => {
  github = await startGitHubApiDouble({
    repositories: [{ owner: 'acme', repo: 'web', pullRequests: [61], commits: [RUNNER_SHA] }]
  })
})

afterAll(async () => {
  await github.close()
})

afterEach(() => {
  github.assertNoViolations()
})

describe('ten promotions of different sources to one target at once', () => {
  const path = freshRepository('race')
  const sources: string[] = []
  let runs: Awaited<ReturnType<typeof runAction>>[]

  beforeAll(async () => {
    for (let index = 0; index < 10; index++)
      sources.push(await pushImage(path, `sha-${String(index).padStart(7, '0')}`))
    const { registry, username, password } = testEnv()
    const workspace = makeWorkspace({}, { example: false }).dir
    runs = await Promise.all(
      sources.map((_digest, index) =>
        runAction({
          action: 'promote',
          workspace,
          token: WRITE_TOKEN,
          eventName: 'workflow_dispatch',
          inputs: {
            image: `${registry}/${path}`,
            username,
            password,
            source: `sha-${String(index).padStart(7, '0')}`,
            target: 'production'
          },
          env: { GITHUB_API_URL: github.url, GITHUB_RUN_ID: String(5000 + index) }
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

  it('records every promotion with real before and after digests', () => {
    const image = `${testEnv().registry}/${path}`
    const recorded = github.deployments.filter(
      (deployment) => (deployment.payload as { image?: string }).image === image
    )
    expect(recorded).toHaveLength(10)
    const payloads = recorded.map(
      (deployment) => deployment.payload as { digest: string; previous_digest: string }
    )
    expect(new Set(payloads.map((payload) => payload.digest))).toEqual(new Set(sources))
    for (const payload of payloads) expect(['', ...sources]).toContain(payload.previous_digest)
    for (const deployment of recorded) expect(deployment.statuses.at(0)?.state).toBe('in_progress')
  })
})

describe('two runs of the build action for the same commit at once', () => {
  it('both succeed, the tag names one of their images, and the pull request has one comment', async () => {
    const { registry, username, password } = testEnv()
    const path = freshRepository('twice')
    const workspace = makeWorkspace()
    const run = (): ReturnType<typeof runAction> =>
      runAction({
        workspace: workspace.dir,
        token: WRITE_TOKEN,
        eventName: 'pull_request',
        event: pullRequestEvent({ owner: 'acme', repo: 'web', number: 61, headSha: workspace.sha }),
        inputs: { image: `${registry}/${path}`, username, password, 'test-command': 'node --test' },
        env: { GITHUB_API_URL: github.url, GITHUB_SHA: workspace.sha }
      })
    const [first, second] = await Promise.all([run(), run()])
    expect(first.main.exitCode, first.main.stdout).toBe(0)
    expect(second.main.exitCode, second.main.stdout).toBe(0)
    // Registries have no conditional write: a push that starts inside the other run's push can
    // still land last. The tag then names one of the two images, each built from this commit.
    const digest = await tagDigest(path, `sha-${workspace.sha.slice(0, 7)}`)
    expect([first.outputs.digest, second.outputs.digest]).toContain(digest)
    expect(github.comments.filter((comment) => comment.issueNumber === 61)).toHaveLength(1)
  })
})
