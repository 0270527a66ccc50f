import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { publish } from '../../src/build-test-push/publish.js'
import { ActionError } from '../../src/errors.js'
import { failStep } from '../../src/fail-step.js'
import type { RunContext } from '../../src/github/context.js'
import { TESTS_NOT_RUN, type BuildReport } from '../../src/pipeline/report.js'
import { registryError } from '../../src/registry/errors.js'
import {
  startGitHubApiDouble,
  WRITE_TOKEN,
  type GitHubApiDouble
} from '../harness/github-double/index.js'

const SHA = 'a'.repeat(40)

let root: string
let github: GitHubApiDouble
let stdout: MockInstance<typeof process.stdout.write>

function printed(): string {
  return stdout.mock.calls.map(([chunk]) => String(chunk)).join('')
}

function context(): RunContext {
  return {
    owner: 'acme',
    repo: 'web',
    eventName: 'pull_request',
    eventSha: SHA,
    eventCommitTime: undefined,
    pullRequest: { number: 7, headSha: SHA, headRef: 'feature', fromFork: false },
    serverUrl: 'https://github.com',
    apiUrl: github.url,
    repositoryUrl: 'https://github.com/acme/web',
    runUrl: 'https://github.com/acme/web/actions/runs/1',
    actor: 'octocat'
  }
}

function failedReport(failure: Error): BuildReport {
  return {
    outcome: 'failed',
    image: 'ghcr.io/acme/web',
    shaTag: 'sha-aaaaaaa',
    sha: SHA,
    digest: undefined,
    tags: [],
    test: TESTS_NOT_RUN,
    sizeBytes: undefined,
    layers: undefined,
    buildDurationMs: undefined,
    warnings: [],
    failure,
    runUrl: 'https://github.com/acme/web/actions/runs/1'
  }
}

const settings = { comment: true, githubToken: WRITE_TOKEN }

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'publish-'))
  for (const file of ['output', 'summary']) writeFileSync(join(root, file), '')
  vi.stubEnv('GITHUB_OUTPUT', join(root, 'output'))
  vi.stubEnv('GITHUB_STEP_SUMMARY', join(root, 'summary'))
  stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
  github = await startGitHubApiDouble({
    repositories: [{ owner: 'acme', repo: 'web', pullRequests: [7] }]
  })
})

afterEach(async () => {
  stdout.mockRestore()
  vi.unstubAllEnvs()
  github.assertNoViolations()
  await github.close()
  rmSync(root, { recursive: true, force: true })
})

describe('publish after an unexpected error (a bug)', () => {
  const bug = new TypeError("Cannot read properties of undefined (reading 'digest')")

  it('writes the outputs, the summary and the comment, then throws the error itself', async () => {
    const result = { report: failedReport(bug), imageId: undefined }
    await expect(publish(settings, context(), result)).rejects.toBe(bug)
    const outputs = readFileSync(join(root, 'output'), 'utf8')
    expect(outputs).toContain('sha-aaaaaaa')
    expect(outputs).toMatch(/pushed<<.*\nfalse\n/)
    expect(outputs).toMatch(/comment-url<<.*\nhttps?:\/\/\S+\n/)
    expect(readFileSync(join(root, 'summary'), 'utf8')).toContain(bug.message)
    expect(github.comments).toHaveLength(1)
    expect(github.comments[0]?.body).toContain(bug.message)
  })

  it('fails the step with its message and keeps its stack for the debug log', async () => {
    const result = { report: failedReport(bug), imageId: undefined }
    await publish(settings, context(), result).catch(failStep)
    expect(printed()).toContain(`::error::${bug.message}`)
    expect(printed()).toMatch(/::debug::TypeError: Cannot read properties/)
    expect(process.exitCode).toBe(1)
    process.exitCode = undefined
  })
})

describe('publish after a failure the user can act on', () => {
  it('throws the registry error itself, status and code intact, and prints no stack', async () => {
    const refusal = registryError('ghcr.io', 'acme/web', 'registry ghcr.io: denied', {
      status: 403,
      code: 'DENIED'
    })
    const result = { report: failedReport(refusal), imageId: undefined }
    const thrown: unknown = await publish(settings, context(), result).catch(
      (error: unknown) => error
    )
    expect(thrown).toBe(refusal)
    expect(thrown).toMatchObject({ status: 403, code: 'DENIED' })
    expect(thrown).toBeInstanceOf(ActionError)
    failStep(thrown)
    expect(printed()).toContain('::error::registry ghcr.io: denied')
    expect(printed()).not.toContain('::debug::')
    process.exitCode = undefined
  })
})
