import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  startGitHubApiDouble,
  WRITE_TOKEN,
  type GitHubApiDouble
} from '../support/github-double/index.js'
import { pushImage } from './support/images.js'
import { freshRepository, tagDigest } from './support/registry.js'
import { runAction } from './support/runner.js'
import { testEnv } from './support/test-env.js'
import { makeWorkspace } from './support/workspace.js'

// GITHUB_SHA as the runner double sets it: the commit a promotion's deployment names.
const RUNNER_SHA = '0'.repeat(40)

let github: GitHubApiDouble
let workspace: string

beforeAll(async () => {
  github = await startGitHubApiDouble({
    repositories: [{ owner: 'acme', repo: 'web', commits: [RUNNER_SHA] }]
  })
  workspace = makeWorkspace({}, { example: false }).dir
})

afterAll(async () => {
  await github.close()
})

afterEach(() => {
  github.assertNoViolations()
})

function action(name: 'promote' | 'rollback', path: string, inputs: Record<string, string>) {
  const { registry, username, password } = testEnv()
  return runAction({
    action: name,
    workspace,
    token: WRITE_TOKEN,
    eventName: 'workflow_dispatch',
    inputs: { image: `${registry}/${path}`, username, password, ...inputs },
    env: { GITHUB_API_URL: github.url }
  })
}

/** What anyone with deployments: write can do: record a successful deployment with any payload. */
async function forgeDeployment(payload: Record<string, unknown>): Promise<void> {
  const post = async (path: string, body: unknown): Promise<{ id: number }> => {
    const response = await fetch(`${github.url}/repos/acme/web${path}`, {
      method: 'POST',
      headers: { authorization: `token ${WRITE_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body)
    })
    expect(response.status).toBe(201)
    return (await response.json()) as { id: number }
  }
  const { id } = await post('/deployments', {
    ref: RUNNER_SHA,
    environment: 'production',
    required_contexts: [],
    payload
  })
  await post(`/deployments/${id}/statuses`, { state: 'success' })
}

describe('rollback with a forged deployment in the history', () => {
  it.each([
    ['a path into another repository', '../../../other/app/manifests/latest'],
    [
      'workflow commands after a newline',
      `sha256:${'0'.repeat(64)}\n::error::pwned\n::set-output name=digest::evil`
    ]
  ])(
    'skips a previous_digest holding %s, with a warning, and rolls back by the real history',
    async (_, forged) => {
      const path = freshRepository('forged')
      const image = `${testEnv().registry}/${path}`
      const v1 = await pushImage(path, 'sha-1111111')
      const v2 = await pushImage(path, 'sha-2222222')
      for (const source of ['sha-1111111', 'sha-2222222']) {
        const step = await action('promote', path, { source, target: 'production' })
        expect(step.main.exitCode, step.main.stdout).toBe(0)
      }
      await forgeDeployment({
        tool: 'immutable-image',
        image,
        digest: v2,
        source: 'sha-2222222',
        previous_digest: forged,
        targets: ['production'],
        actor: 'mallory',
        run_url: ''
      })

      const result = await action('rollback', path, { environment: 'production' })

      expect(result.main.exitCode, result.main.stdout).toBe(0)
      expect(await tagDigest(path, 'production')).toBe(v1)
      expect(result.outputs.digest).toBe(v1)
      const warnings = result.main.stdout
        .split('\n')
        .filter((line) => line.startsWith('::warning::'))
      expect(warnings).toEqual([
        expect.stringMatching(
          /^::warning::Skipped deployment \d+ of production: its previous_digest ".*("|…) is not a digest\.$/
        )
      ])
      const lines = (result.main.stdout + result.main.stderr).split('\n')
      expect(lines.filter((line) => /^::(error|set-output)/.test(line))).toEqual([])
    }
  )
})
