// A test stage built FROM the shipped stage: tested on the shipped bytes, and only the shipped stage pushed.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { PROJECT_ROOT } from '../harness/project-root.js'
import { testEnv } from '../harness/test-env.js'
import {
  freshRepository,
  it,
  makeWorkspace,
  tagDigest,
  type ActionRun,
  type Workspace
} from '../harness/index.js'

const PROD_AND_TEST = { target: 'prod', 'test-target': 'test', 'test-command': 'node --test' }

function docker(args: string[]): string {
  return execFileSync('docker', args, {
    encoding: 'utf8',
    env: { ...process.env, ...testEnv().dockerEnv }
  }).trim()
}

/** Local names the engine holds for the repository, e.g. `sha-1234567`. */
function localTags(path: string): string[] {
  const repository = `${testEnv().registry}/${path}`
  return docker(['image', 'ls', '--format', '{{.Tag}}', repository])
    .split('\n')
    .filter((tag) => tag !== '')
}

describe('a test stage built FROM the shipped stage', () => {
  const path = freshRepository('prod-app')
  let workspace: Workspace
  let result: ActionRun
  let reference: string

  it.beforeAll(async ({ build }) => {
    workspace = makeWorkspace({}, { example: 'prod-app' })
    result = await build({ workspace, repository: path, inputs: PROD_AND_TEST })
    reference = `${testEnv().registry}/${path}:sha-${workspace.sha.slice(0, 7)}`
  })

  it('passes its tests and pushes the shipped stage', async () => {
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.outputs['test-result']).toBe('passed')
    expect(result.outputs.pushed).toBe('true')
    expect(result.outputs.digest).toBe(await tagDigest(path, `sha-${workspace.sha.slice(0, 7)}`))
    expect(result.main.stdout).toMatch(/ℹ pass 6/)
  })

  it('builds the test stage second, from the build cache, and tests in it', () => {
    const builds = result.main.stdout
      .split('\n')
      .filter((line) => line.includes('[command]') && line.includes(' build '))
    expect(builds).toHaveLength(2)
    expect(builds[0]).toContain('--target prod')
    expect(builds[1]).toContain('--target test')
    expect(builds[1]).not.toContain(`--tag ${reference} `)
    expect(result.main.stdout).toMatch(
      /The test stage test holds all \d+ layers of the shipped stage prod, in order, and 2 of its own\./
    )
    // Only the two COPY instructions of the test stage are built; every prod step comes from the cache.
    const testBuild = result.main.stdout.slice(result.main.stdout.indexOf(builds[1] ?? ''))
    expect(testBuild).toMatch(/COPY src\/ \.\/src\/[^\n]*\n[^\n]*CACHED/)
  })

  it('pushes an image without the tests or the test tools', () => {
    expect(result.outputs['image-id']).toBe(
      docker(['image', 'inspect', '--format', '{{.Id}}', reference])
    )
    const listing = docker([
      'run',
      '--rm',
      '--network',
      'none',
      '--entrypoint',
      'ls',
      reference,
      '/app'
    ])
    expect(listing.split('\n').sort()).toEqual(['bin', 'package.json', 'src'])
  })

  it('removes the test image and keeps only the shipped one', () => {
    expect(localTags(path)).toEqual([`sha-${workspace.sha.slice(0, 7)}`])
  })

  it('says in the summary that the tests ran in stage test', () => {
    expect(result.summary).toContain(
      '| Tested in | stage `test`: the shipped image’s layers plus the test stage’s own |'
    )
  })
})

describe('a test stage not built FROM the shipped stage', () => {
  const path = freshRepository('prod-app')
  let workspace: Workspace
  let result: ActionRun

  it.beforeAll(async ({ build }) => {
    const dockerfile = readFileSync(
      join(PROJECT_ROOT, 'examples', 'prod-app', 'Dockerfile'),
      'utf8'
    ).replace('FROM prod AS test', 'FROM ${BASE} AS test\nWORKDIR /app\nCOPY . .')
    workspace = makeWorkspace({ Dockerfile: dockerfile }, { example: 'prod-app' })
    result = await build({ workspace, repository: path, inputs: PROD_AND_TEST })
  })

  it('is refused in one line naming both stages, before its tests run', () => {
    expect(result.main.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(
      /^::error::the test stage test is not built on the shipped stage prod: .* The test stage must be built FROM the shipped one \(FROM prod AS test\); nothing was pushed$/
    )
    expect(result.main.stdout).not.toMatch(/\[command\]\S*docker run /)
  })

  it('pushes nothing and leaves no test image behind', async () => {
    expect(result.outputs.pushed).not.toBe('true')
    expect(await tagDigest(path, `sha-${workspace.sha.slice(0, 7)}`)).toBeUndefined()
    expect(localTags(path).filter((tag) => tag.includes('-test-'))).toEqual([])
  })
})

describe('a test-target equal to the shipped stage', () => {
  it('is an input error before any docker command', async ({ build }) => {
    const workspace = makeWorkspace({}, { example: 'prod-app' })
    const result = await build({
      workspace,
      repository: freshRepository('prod-app'),
      inputs: { ...PROD_AND_TEST, 'test-target': 'prod' }
    })
    expect(result.main.exitCode).toBe(1)
    expect(result.errors).toEqual([
      "::error::Input 'test-target': 'prod' is the shipped stage (the target): name a stage built FROM it that adds the tests, e.g. FROM prod AS test"
    ])
    expect(result.main.stdout).not.toContain('[command]')
  })
})
