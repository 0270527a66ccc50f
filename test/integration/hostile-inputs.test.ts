// Every action refuses bad input with one error naming it, before any docker command or request.
import { describe, expect } from 'vitest'
import { INVALID_INPUTS } from '../fixtures/invalid-inputs.js'
import { it, makeWorkspace, type Workspace } from '../harness/index.js'

const REQUIRED: Record<string, Record<string, string>> = {
  build: {},
  promote: { source: 'sha-1234567', target: 'staging' },
  rollback: { environment: 'production' }
}

let workspace: Workspace

it.beforeAll(() => {
  workspace = makeWorkspace()
})

describe.each(INVALID_INPUTS)('%s refuses %j', (action, inputs, named) => {
  it(`with one error naming '${named}', before any docker command or request`, async ({
    github,
    harness,
    proxy
  }) => {
    const githubBefore = github.requests.length
    const registryBefore = proxy.requests
    const result = await harness[action]({
      workspace,
      registry: proxy.host,
      repository: 'hostile/web',
      pullRequest: { number: 5 },
      inputs: { ...REQUIRED[action], ...inputs }
    })
    expect(result.main.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(new RegExp(`^::error::Input '${named}': `))
    expect(result.main.stdout + result.main.stderr).not.toMatch(/\n\s+at /)
    expect(result.main.stdout).not.toContain('[command]')
    expect(proxy.requests).toBe(registryBefore)
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
