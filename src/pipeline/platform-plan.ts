// Which platforms a build makes, and which of them the tests can run on here: the engine's own, and
// those an emulator is registered for. The rest are built, not tested.
import * as core from '../runner/core.js'
import type { Docker } from '../docker/docker.js'
import { emulatedArchitectures } from '../docker/emulation.js'
import { ActionError } from '../errors.js'
import { formatPlatform, parsePlatform, type Platform } from '../registry/platform.js'
import type { TestSettings } from '../settings/build.js'
import { TESTS_NOT_RUN, type PlatformOutcome, type TestReport } from './report.js'

export interface PlatformPlan {
  /** `--platform` of the shipped build; empty without the platforms input. */
  readonly built: readonly string[]
  /** The platforms to test on, in input order; [undefined] (the engine's own) without the input. */
  readonly runnable: readonly (string | undefined)[]
}

/** Without the input: one build for the engine's platform, tested on it, as before platforms existed. */
export const ENGINE_PLATFORM_ONLY: PlatformPlan = { built: [], runnable: [undefined] }

/** Whether a machine of `native` with emulators for `emulated` architectures runs `platform`. */
export function canRun(
  platform: Platform,
  native: Platform,
  emulated: ReadonlySet<string>
): boolean {
  if (platform.os !== native.os) return false
  return platform.architecture === native.architecture || emulated.has(platform.architecture)
}

export function planPlatforms(
  requested: readonly Platform[],
  native: Platform,
  emulated: ReadonlySet<string>
): PlatformPlan {
  if (requested.length === 0) return ENGINE_PLATFORM_ONLY
  return {
    built: requested.map(formatPlatform),
    runnable: requested.filter((platform) => canRun(platform, native, emulated)).map(formatPlatform)
  }
}

/** Asks the engine its platform only when platforms were given. */
export async function platformPlan(
  docker: Docker,
  requested: readonly Platform[]
): Promise<PlatformPlan> {
  if (requested.length === 0) return ENGINE_PLATFORM_ONLY
  const native = await enginePlatform(docker)
  const emulated = emulatedArchitectures()
  const plan = planPlatforms(requested, native, emulated)
  const onlyBuilt = plan.built.filter((platform) => !plan.runnable.includes(platform))
  const engine = `The engine runs ${formatPlatform(native)}${emulated.size > 0 ? ` and emulates ${[...emulated].join(', ')}` : ''}`
  if (plan.runnable.length === 0) {
    core.warning(`${engine}: none of ${plan.built.join(', ')} can run here, so none is tested.`)
  } else if (onlyBuilt.length > 0) {
    core.info(`${engine}: ${onlyBuilt.join(', ')} built, not tested (no emulator registered).`)
  }
  return plan
}

async function enginePlatform(docker: Docker): Promise<Platform> {
  const result = await docker.run(['version', '--format', '{{.Server.Os}}/{{.Server.Arch}}'], {
    silent: true,
    allowFailure: true
  })
  try {
    return parsePlatform(result.stdout.trim())
  } catch {
    throw new ActionError('the Docker engine did not say its platform (docker version)')
  }
}

/** The tests on each runnable platform in turn; the first failure ends them. */
export async function testOnPlatforms(
  plan: PlatformPlan,
  test: TestSettings,
  testOne: (test: TestSettings) => Promise<TestReport>
): Promise<TestReport> {
  if (test.command === undefined) return TESTS_NOT_RUN
  let report: TestReport = { ...TESTS_NOT_RUN, notRun: 'no-platform-runs-here' }
  for (const platform of plan.runnable) {
    if (platform !== undefined) core.info(`Testing ${platform}`)
    report = await testOne({ ...test, platform })
    if (report.result !== 'passed') return report
  }
  return report
}

export function platformOutcomes(plan: PlatformPlan, test: TestReport): PlatformOutcome[] {
  const tested = test.result === 'passed'
  return plan.built.map((platform) => ({
    platform,
    tested: tested && plan.runnable.includes(platform)
  }))
}
