// The test record: pushed as an OCI referrer of the image, listed by oras, reported by a re-run.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import {
  type ActionRun,
  buildCommands,
  type BuildRunner,
  freshRepository,
  type GitHubApiDouble,
  it,
  makeWorkspace,
  pushImage,
  type TestEnvironment,
  type Workspace
} from '../harness/index.js'

const TEST_REPORT_TYPE = 'application/vnd.immutable-image.test-report.v1+json'
const REVISION = 'org.opencontainers.image.revision'

function runOnPullRequest(
  build: BuildRunner,
  workspace: Workspace,
  repository: string,
  runId: string,
  pr: number
): Promise<ActionRun> {
  return build({
    workspace,
    repository,
    env: { GITHUB_RUN_ID: runId },
    pullRequest: { number: pr }
  })
}

function commentOn(github: GitHubApiDouble, pr: number): string {
  const comments = github.comments.filter((comment) => comment.issueNumber === pr)
  expect(comments).toHaveLength(1)
  return comments[0]?.body ?? ''
}

/** Debian's oras against the loopback registry, credentials in a config file, never in argv. */
function oras(env: TestEnvironment, args: string[]): string {
  const { registry, username, password, dockerEnv } = env
  const config = join(mkdtempSync(join(tmpdir(), 'oras-config-')), 'config.json')
  const auth = Buffer.from(`${username}:${password}`).toString('base64')
  writeFileSync(config, JSON.stringify({ auths: { [registry]: { auth } } }), { mode: 0o600 })
  return execFileSync('oras', [...args, '--plain-http', '--registry-config', config], {
    env: { ...process.env, PATH: dockerEnv.PATH ?? '' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  })
}

interface Listed {
  readonly digest: string
  readonly artifactType?: string
}

describe('the test record of a passing build', () => {
  const path = freshRepository('record')
  let workspace: Workspace
  let first: ActionRun
  let reference: string

  it.beforeAll(async ({ build, env }) => {
    workspace = makeWorkspace()
    first = await runOnPullRequest(build, workspace, path, '5001', 31)
    reference = `${env.registry}/${path}@${first.outputs.digest ?? 'missing'}`
  })

  it('is pushed without a warning after the image', () => {
    expect(first.main.exitCode, first.main.stdout).toBe(0)
    expect(first.outputs.pushed).toBe('true')
    expect(first.main.stdout).not.toMatch(/::warning::.*test record/)
    expect(first.main.stdout).toMatch(/Attached the test record sha256:[a-f0-9]{64} to /)
  })

  it('is listed by oras discover under the pushed digest, with our artifact type', ({ env }) => {
    const listed = JSON.parse(oras(env, ['discover', '--format', 'json', reference])) as {
      manifests?: Listed[]
    }
    const records = (listed.manifests ?? []).filter(
      (entry) => entry.artifactType === TEST_REPORT_TYPE
    )
    expect(records).toHaveLength(1)
  })

  it('holds the commit, the result, the command, the tested image, durations, the run and the time', ({
    env
  }) => {
    const listed = JSON.parse(oras(env, ['discover', '--format', 'json', reference])) as {
      manifests: Listed[]
    }
    const record = listed.manifests.find((entry) => entry.artifactType === TEST_REPORT_TYPE)
    const repository = `${env.registry}/${path}`
    const manifest = JSON.parse(
      oras(env, ['manifest', 'fetch', `${repository}@${record?.digest ?? 'missing'}`])
    ) as { subject: { digest: string }; config: { mediaType: string }; layers: Listed[] }
    expect(manifest.subject.digest).toBe(first.outputs.digest)
    expect(manifest.config.mediaType).toBe('application/vnd.oci.empty.v1+json')
    const blob = JSON.parse(
      oras(env, [
        'blob',
        'fetch',
        '--output',
        '-',
        `${repository}@${manifest.layers[0]?.digest ?? ''}`
      ])
    ) as Record<string, unknown>
    expect(blob).toMatchObject({
      commit: workspace.sha,
      result: 'passed',
      testCommand: 'node --test',
      testStage: null,
      testedImageId: first.outputs['image-id'],
      smokeTest: null,
      runUrl: 'https://github.com/acme/web/actions/runs/5001/attempts/1'
    })
    const durations = blob.durations as { testMs: unknown; buildMs: unknown }
    expect([typeof durations.testMs, typeof durations.buildMs]).toEqual(['number', 'number'])
    expect(Date.parse(String(blob.recordedAt))).not.toBeNaN()
  })

  it('is what a re-run of the same commit reports, in the outputs and the comment', async ({
    build,
    github
  }) => {
    const rerun = await runOnPullRequest(build, workspace, path, '5002', 32)
    expect(rerun.main.exitCode, rerun.main.stdout).toBe(0)
    expect(rerun.outputs.pushed).toBe('false')
    expect(rerun.outputs.digest).toBe(first.outputs.digest)
    expect(rerun.outputs['test-result']).toBe('passed')
    expect(buildCommands(rerun.main.stdout)).toEqual([])
    expect(commentOn(github, 32)).toMatch(
      /\| Tests \| passed `node --test` in \[https:\/\/github\.com\/acme\/web\/actions\/runs\/5001\/attempts\/1\]\(https:\/\/github\.com\/acme\/web\/actions\/runs\/5001\/attempts\/1\) at \d{4}-\d\d-\d\dT[\d:.]+Z, as recorded with the reused image \|/
    )
  })
})

describe('a reused image without a test record', () => {
  it('is reported as not tested, never as tested before', async ({ build, github }) => {
    const path = freshRepository('unrecorded')
    const workspace = makeWorkspace()
    await pushImage(path, `sha-${workspace.sha.slice(0, 7)}`, 'pushed by hand', {
      [REVISION]: workspace.sha
    })
    const rerun = await runOnPullRequest(build, workspace, path, '5003', 33)
    expect(rerun.main.exitCode, rerun.main.stdout).toBe(0)
    expect(rerun.outputs.pushed).toBe('false')
    expect(rerun.outputs['test-result']).toBe('not-tested')
    const comment = commentOn(github, 33)
    expect(comment).toContain('| Tests | not tested: reused image with no test record |')
    expect(comment).not.toMatch(/passed|tested before/)
  })
})
