import { describe, expect, it, vi } from 'vitest'
import {
  canRun,
  ENGINE_PLATFORM_ONLY,
  planPlatforms,
  platformOutcomes,
  testOnPlatforms
} from '../../src/pipeline/platform-plan.js'
import { TESTS_NOT_RUN, type TestReport } from '../../src/pipeline/report.js'
import type { TestSettings } from '../../src/settings/build.js'
import { parsePlatform } from '../../src/registry/platform.js'
import { pipelineSettings } from '../harness/fakes/pipeline-inputs.js'

const AMD64 = parsePlatform('linux/amd64')
const ARM64 = parsePlatform('linux/arm64')
const PASSED: TestReport = { ...TESTS_NOT_RUN, result: 'passed', notRun: undefined }
const FAILED: TestReport = { ...PASSED, result: 'failed', exitCode: 1 }

describe('canRun', () => {
  it.each([
    ['its own platform', AMD64, AMD64, [], true],
    ['a foreign architecture without an emulator', ARM64, AMD64, [], false],
    ['a foreign architecture with one', ARM64, AMD64, ['arm64'], true],
    ['its own architecture with a variant', parsePlatform('linux/amd64/v2'), AMD64, [], true],
    ['another os', parsePlatform('windows/amd64'), AMD64, ['amd64'], false]
  ])('%s: %j on %j', (_, platform, native, emulated, expected) => {
    expect(canRun(platform, native, new Set(emulated))).toBe(expected)
  })
})

describe('planPlatforms', () => {
  it('builds every platform asked for and tests those that run here, in input order', () => {
    expect(planPlatforms([ARM64, AMD64], AMD64, new Set())).toEqual({
      built: ['linux/arm64', 'linux/amd64'],
      runnable: ['linux/amd64']
    })
  })

  it('without the input, builds and tests the engine’s own platform, naming none', () => {
    expect(planPlatforms([], AMD64, new Set(['arm64']))).toBe(ENGINE_PLATFORM_ONLY)
  })
})

describe('testOnPlatforms', () => {
  const test = pipelineSettings().test
  const plan = { built: ['linux/amd64', 'linux/arm64'], runnable: ['linux/amd64', 'linux/arm64'] }

  it('tests each runnable platform in turn, naming it to docker run', async () => {
    const platforms: (string | undefined)[] = []
    const testOne = (given: TestSettings): Promise<TestReport> => {
      platforms.push(given.platform)
      return Promise.resolve(PASSED)
    }
    expect(await testOnPlatforms(plan, test, testOne)).toBe(PASSED)
    expect(platforms).toEqual(['linux/amd64', 'linux/arm64'])
  })

  it('stops at the first failure and reports it', async () => {
    const testOne = vi.fn(() => Promise.resolve(FAILED))
    expect(await testOnPlatforms(plan, test, testOne)).toBe(FAILED)
    expect(testOne).toHaveBeenCalledTimes(1)
  })

  it('says no platform runs here when none can, and no-test-command without one', async () => {
    const none = { built: ['linux/arm64'], runnable: [] }
    const testOne = vi.fn(() => Promise.resolve(PASSED))
    expect((await testOnPlatforms(none, test, testOne)).notRun).toBe('no-platform-runs-here')
    expect(await testOnPlatforms(plan, { ...test, command: undefined }, testOne)).toBe(
      TESTS_NOT_RUN
    )
    expect(testOne).not.toHaveBeenCalled()
  })
})

describe('platformOutcomes', () => {
  const plan = { built: ['linux/amd64', 'linux/arm64'], runnable: ['linux/amd64'] }

  it('marks the runnable platforms tested once the tests passed, the others built only', () => {
    expect(platformOutcomes(plan, PASSED)).toEqual([
      { platform: 'linux/amd64', tested: true },
      { platform: 'linux/arm64', tested: false }
    ])
  })

  it('marks none tested when the tests did not pass', () => {
    expect(platformOutcomes(plan, FAILED).map((outcome) => outcome.tested)).toEqual([false, false])
  })

  it('lists nothing without the platforms input', () => {
    expect(platformOutcomes(ENGINE_PLATFORM_ONLY, PASSED)).toEqual([])
  })
})
