// What the build action does with the SHA tag: if-exists, extra tags, and which commit the tag names.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import {
  type ActionRun,
  buildCommands,
  freshRepository,
  it,
  makeWorkspace,
  tagDigest,
  type Workspace
} from '../harness/index.js'

describe('if-exists', () => {
  const path = freshRepository('exists')
  let workspace: Workspace
  let first: ActionRun

  it.beforeAll(async ({ build }) => {
    workspace = makeWorkspace()
    first = await build({ workspace, repository: path })
  })

  it('fail refuses a SHA tag that is already there, before building', async ({ build }) => {
    const result = await build({ workspace, repository: path, inputs: { 'if-exists': 'fail' } })
    expect(result.main.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(
      /already exists \(sha256:[a-f0-9]{64}\) and if-exists is 'fail'/
    )
    expect(buildCommands(result.main.stdout)).toEqual([])
  })

  it('overwrite rebuilds and replaces it, reporting the registry’s digest', async ({ build }) => {
    const result = await build({
      workspace,
      repository: path,
      inputs: { 'if-exists': 'overwrite', labels: 'rebuilt=yes' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(buildCommands(result.main.stdout)).toHaveLength(1)
    const digest = await tagDigest(path, `sha-${workspace.sha.slice(0, 7)}`)
    expect(result.outputs.digest).toBe(digest)
    expect(digest).not.toBe(first.outputs.digest)
  })
})

describe('tags', () => {
  it('pushes extra tags with the same digest after the tests pass', async ({ build, env }) => {
    const path = freshRepository('tagged')
    const { registry } = env
    const result = await build({
      workspace: makeWorkspace(),
      repository: path,
      inputs: { tags: `latest\n${registry}/${path}:pr-7`, 'sha-format': 'long' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.outputs.tag).toMatch(/^sha-[0-9a-f]{40}$/)
    expect(await tagDigest(path, 'latest')).toBe(result.outputs.digest)
    expect(await tagDigest(path, 'pr-7')).toBe(result.outputs.digest)
    expect(result.outputs.tags?.split('\n')).toEqual([
      `${registry}/${path}:${result.outputs.tag ?? ''}`,
      `${registry}/${path}:latest`,
      `${registry}/${path}:pr-7`
    ])
  })
})

describe('a failure after the SHA tag is pushed', () => {
  it('says what was pushed, in the outputs and the comment, not "nothing pushed"', async ({
    build,
    env,
    github
  }) => {
    const path = freshRepository('half-tagged')
    const workspace = makeWorkspace()
    // Nothing listens on port 1: the push of the tag elsewhere fails after the SHA tag's.
    const result = await build({
      workspace,
      repository: path,
      pullRequest: { number: 52, headSha: workspace.sha },
      inputs: { tags: `latest\n127.0.0.1:1/${path}:release`, 'test-command': 'true' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(1)
    expect(result.errors[0]).toMatch(/pushing 127\.0\.0\.1:1\/.*:release failed/)
    const digest = await tagDigest(path, `sha-${workspace.sha.slice(0, 7)}`)
    expect(digest).toMatch(/^sha256:/)
    expect(await tagDigest(path, 'latest')).toBe(digest)
    expect(result.outputs.digest).toBe(digest)
    expect(result.outputs.pushed).toBe('true')
    expect(result.outputs.tags?.split('\n')).toEqual([
      `${env.registry}/${path}:sha-${workspace.sha.slice(0, 7)}`,
      `${env.registry}/${path}:latest`
    ])
    const body = github.commentsOn(52)[0]?.body ?? ''
    expect(body).toContain('Pushed, then failed: not every tag was set')
    expect(body).not.toContain('nothing pushed')
  })
})

describe('what the tag names', () => {
  it('says so in the log and the comment when the checkout is not the pull request head', async ({
    build,
    github
  }) => {
    const workspace = makeWorkspace()
    const head = 'f'.repeat(40)
    const result = await build({
      workspace,
      repository: freshRepository('merge'),
      login: false,
      pullRequest: { number: 41, headSha: head },
      inputs: { push: 'false', 'test-command': 'true' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.outputs.tag).toBe(`sha-${workspace.sha.slice(0, 7)}`)
    const warning = `Built commit ${workspace.sha.slice(0, 7)} is not the pull request head fffffff`
    expect(result.main.stdout).toContain(`::warning::${warning}`)
    expect(github.commentsOn(41)[0]?.body).toContain(warning)
  })

  it('says so when the tree has uncommitted changes', async ({ build }) => {
    const workspace = makeWorkspace()
    writeFileSync(join(workspace.dir, 'greeting.js'), '// edited after the commit\n', { flag: 'a' })
    const result = await build({
      workspace,
      repository: freshRepository('dirty'),
      inputs: { push: 'false' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.main.stdout).toContain(
      `::warning::The checkout has uncommitted changes: the image holds more than commit ${workspace.sha.slice(0, 7)}.`
    )
  })
})
