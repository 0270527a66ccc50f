import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { InputError } from '../../src/errors.js'
import { getBuildSettings } from '../../src/settings/build.js'

const PROD_APP = [
  'FROM immutable-image-base/node:24 AS deps',
  'FROM deps AS prod',
  'CMD ["node", "server.js"]',
  'FROM prod AS test',
  'COPY test/ ./test/'
].join('\n')

let workspace: string

function inputs(values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values))
    vi.stubEnv(`INPUT_${name.toUpperCase()}`, value)
}

function dockerfile(text: string): void {
  writeFileSync(join(workspace, 'Dockerfile'), text)
}

beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'settings-'))
  dockerfile(PROD_APP)
  vi.stubEnv('GITHUB_WORKSPACE', workspace)
  vi.stubEnv('GITHUB_REPOSITORY', 'acme/web')
  inputs({ 'test-command': 'npm test' })
})

afterEach(() => {
  vi.unstubAllEnvs()
  rmSync(workspace, { recursive: true, force: true })
})

describe('the test-target input', () => {
  it('is off by default: the tests run in the shipped image', () => {
    expect(getBuildSettings().testTarget).toBeUndefined()
  })

  it('names the test stage and the stage that is shipped with it', () => {
    inputs({ 'test-target': 'test', target: 'prod' })
    expect(getBuildSettings().testTarget).toEqual({
      stage: 'test',
      shipped: { name: 'prod', description: 'prod' }
    })
  })

  it('ships the last stage when target is empty', () => {
    dockerfile('FROM node:24 AS test\nFROM node:24 AS prod\n')
    inputs({ 'test-target': 'test' })
    expect(getBuildSettings().testTarget?.shipped.name).toBe('prod')
  })

  it('describes an unnamed last stage by its position', () => {
    dockerfile('FROM node:24 AS test\n\nFROM node:24\n')
    inputs({ 'test-target': 'test' })
    expect(getBuildSettings().testTarget?.shipped).toEqual({
      name: undefined,
      description: 'unnamed stage 2 (line 3)'
    })
  })

  it.each<[string, Record<string, string>, RegExp]>([
    [
      'the target itself',
      { 'test-target': 'prod', target: 'prod' },
      /^Input 'test-target': 'prod' is the shipped stage \(the target\): name a stage built FROM it that adds the tests, e\.g\. FROM prod AS test$/
    ],
    [
      'the target in another case',
      { 'test-target': 'PROD', target: 'prod' },
      /^Input 'test-target': 'PROD' is the shipped stage \(the target\)/
    ],
    [
      "the Dockerfile's last stage when target is empty",
      { 'test-target': 'test' },
      /^Input 'test-target': 'test' is the shipped stage \(the Dockerfile's last stage\)/
    ],
    [
      'no stage of the Dockerfile, listing the stages found',
      { 'test-target': 'tests', target: 'prod' },
      /^Input 'test-target': 'tests' is not a stage of .*Dockerfile: its stages are deps, prod, test$/
    ],
    [
      'a name that is no stage name',
      { 'test-target': 'te st' },
      /^Input 'test-target': 'te st' is not a valid build stage name$/
    ],
    [
      'a stage without a test-command to run there',
      { 'test-target': 'test', target: 'prod', 'test-command': '' },
      /^Input 'test-target': names the stage test to test in, but no test-command is given/
    ],
    [
      'a target that is no stage of the Dockerfile',
      { 'test-target': 'test', target: 'production' },
      /^Input 'target': 'production' is not a stage of the Dockerfile: its stages are deps, prod, test$/
    ]
  ])('refuses %s', (_, given, message) => {
    inputs(given)
    expect(getBuildSettings).toThrow(InputError)
    expect(getBuildSettings).toThrow(message)
  })

  it('says when the Dockerfile has no named stage at all', () => {
    dockerfile('FROM node:24\n')
    inputs({ 'test-target': 'test' })
    expect(getBuildSettings).toThrow(/'test' is not a stage of .*: it has no named stages$/)
  })
})
