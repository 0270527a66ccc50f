import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { INVALID_INPUTS } from '../fixtures/invalid-inputs.js'
import {
  startGitHubApiDouble,
  WRITE_TOKEN,
  type GitHubApiDouble
} from '../support/github-double/index.js'
import { pullRequestEvent } from '../support/event-payloads.js'
import { startCountingProxy, type CountingProxy } from './support/counting-proxy.js'
import { runAction } from './support/runner.js'
import { testEnv } from './support/test-env.js'
import { makeWorkspace, type Workspace } from './support/workspace.js'

let github: GitHubApiDouble
let registry: CountingProxy
let workspace: Workspace

beforeAll(async () => {
  github = await startGitHubApiDouble({
    repositories: [{ owner: 'acme', repo: 'web', pullRequests: [5] }]
  })
  registry = await startCountingProxy(testEnv().registry)
  workspace = makeWorkspace()
})

afterAll(async () => {
  await github.close()
  await registry.close()
})

afterEach(() => {
  github.assertNoViolations()
})

describe.each(INVALID_INPUTS)('%s refuses %j', (action, inputs, named) => {
  it(`with one error naming '${named}', before any docker command or request`, async () => {
    const { username, password } = testEnv()
    const githubBefore = github.requests.length
    const registryBefore = registry.requests
    const result = await runAction({
      action: action === 'build' ? '' : action,
      workspace: workspace.dir,
      token: WRITE_TOKEN,
      eventName: 'pull_request',
      event: pullRequestEvent({ owner: 'acme', repo: 'web', number: 5, headSha: workspace.sha }),
      inputs: {
        image: `${registry.host}/hostile/web`,
        username,
        password,
        ...(action === 'promote' ? { source: 'sha-1234567', target: 'staging' } : {}),
        ...(action === 'rollback' ? { environment: 'production' } : {}),
        ...inputs
      },
      env: { GITHUB_API_URL: github.url, GITHUB_SHA: workspace.sha }
    })
    expect(result.main.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(new RegExp(`^::error::Input '${named}': `))
    expect(result.main.stdout + result.main.stderr).not.toMatch(/\n\s+at /)
    expect(result.main.stdout).not.toContain('[command]')
    expect(registry.requests).toBe(registryBefore)
    expect(github.requests.length).toBe(githubBefore)
  })
})

describe('the corpus', () => {
  it('covers every action with at least forty cases', () => {
    expect(INVALID_INPUTS.length).toBeGreaterThanOrEqual(40)
    expect(new Set(INVALID_INPUTS.map(([action]) => action))).toEqual(
      new Set(['build', 'promote', 'rollback'])
    )
  })
})
