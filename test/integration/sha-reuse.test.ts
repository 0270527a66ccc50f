// The build action reuses a SHA tag only when its image's revision label is this commit.
import { describe, expect } from 'vitest'
import {
  buildCommands,
  freshRepository,
  it,
  makeWorkspace,
  pushImage,
  tagDigest,
  type Workspace
} from '../harness/index.js'

const REVISION = 'org.opencontainers.image.revision'
const OTHER_COMMIT = '0'.repeat(40)

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

describe('a SHA tag that holds another commit’s image', () => {
  const path = freshRepository('collision')
  let workspace: Workspace
  let tag: string
  let planted: string

  it.beforeAll(async () => {
    workspace = makeWorkspace()
    tag = `sha-${workspace.sha.slice(0, 7)}`
    planted = await pushImage(path, tag, 'ground to collide', { [REVISION]: OTHER_COMMIT })
  })

  it('is not reused with if-exists skip: one line names the tag, both commits, nothing pushed', async ({
    build,
    env
  }) => {
    const result = await build({ workspace, repository: path })
    expect(result.main.exitCode, result.main.stdout).toBe(1)
    const reference = `${env.registry}/${path}:${tag}`
    expect(result.errors).toEqual([
      `::error::${reference} holds commit ${OTHER_COMMIT}, not this commit ${workspace.sha}: it is not reused (if-exists: overwrite replaces it)`
    ])
    expect(result.outputs.pushed).toBe('false')
    expect(buildCommands(result.main.stdout)).toEqual([])
    expect(result.main.stdout).not.toContain('docker push')
    expect(await tagDigest(path, tag)).toBe(planted)
  })

  it('is replaced with if-exists overwrite', async ({ build }) => {
    const result = await build({
      workspace,
      repository: path,
      inputs: { 'if-exists': 'overwrite' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.outputs.pushed).toBe('true')
    const digest = await tagDigest(path, tag)
    expect(digest).not.toBe(planted)
    expect(result.outputs.digest).toBe(digest)
  })

  it('is then reused, and the summary gives the test record of the run that pushed it', async ({
    build
  }) => {
    const result = await build({ workspace, repository: path })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.outputs.pushed).toBe('false')
    expect(result.outputs['test-result']).toBe('passed')
    expect(buildCommands(result.main.stdout)).toEqual([])
    expect(result.summary).toMatch(
      /\| Tests \| passed `node --test` in .* at .*, as recorded with the reused image \|/
    )
  })
})

describe('a SHA tag that holds an image without a revision label', () => {
  it('is not reused', async ({ build, env }) => {
    const path = freshRepository('unlabelled')
    const workspace = makeWorkspace()
    const tag = `sha-${workspace.sha.slice(0, 7)}`
    const planted = await pushImage(path, tag)
    const result = await build({ workspace, repository: path })
    expect(result.main.exitCode, result.main.stdout).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::error::${escaped(`${env.registry}/${path}:${tag}`)} holds an image with no revision label, not this commit ${workspace.sha}`
        )
      )
    ])
    expect(await tagDigest(path, tag)).toBe(planted)
  })
})
