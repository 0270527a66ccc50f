// Rollback reads the deployment history as untrusted: a forged payload is skipped, never followed.
import { describe, expect } from 'vitest'
import {
  freshRepository,
  it,
  pushImage,
  RUNNER_SHA,
  tagDigest,
  WRITE_TOKEN,
  type GitHubApiDouble
} from '../harness/index.js'

/** What anyone with deployments: write can do: record a successful deployment with any payload. */
async function forgeDeployment(
  github: GitHubApiDouble,
  payload: Record<string, unknown>
): Promise<void> {
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
  it.for([
    ['a path into another repository', '../../../other/app/manifests/latest'],
    [
      'workflow commands after a newline',
      `sha256:${'0'.repeat(64)}\n::error::pwned\n::set-output name=digest::evil`
    ]
  ] as const)(
    'skips a previous_digest holding %s, with a warning, and rolls back by the real history',
    async ([, forged], { env, github, promote, rollback }) => {
      const path = freshRepository('forged')
      const image = `${env.registry}/${path}`
      const v1 = await pushImage(path, 'sha-1111111')
      const v2 = await pushImage(path, 'sha-2222222')
      for (const source of ['sha-1111111', 'sha-2222222']) {
        const step = await promote({ repository: path, inputs: { source, target: 'production' } })
        expect(step.main.exitCode, step.main.stdout).toBe(0)
      }
      await forgeDeployment(github, {
        tool: 'immutable-image',
        image,
        digest: v2,
        source: 'sha-2222222',
        previous_digest: forged,
        targets: ['production'],
        actor: 'mallory',
        run_url: ''
      })

      const result = await rollback({ repository: path, inputs: { environment: 'production' } })

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
