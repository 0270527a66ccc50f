// A test record read from the registry, every field checked: what a hostile registry sends never passes as ours.
import { registryText } from '../registry/errors.js'
import type { RecordedTest, TestResult } from './report.js'

const MAX_TEXT = 2000
const RESULTS: readonly TestResult[] = ['passed', 'failed', 'skipped']

export interface TestRecord extends RecordedTest {
  readonly commit: string
  /** The Dockerfile stage the tests ran in; null when they ran in the shipped image itself. */
  readonly testStage: string | null
  /** The local image ID (config digest) the tests ran in. */
  readonly testedImageId: string | null
  /** The smoke test of the shipped image; null when none ran. */
  readonly smokeTest: TestResult | null
  readonly smokeTestCommand: string | null
  readonly durations: {
    readonly buildMs: number | null
    readonly testMs: number | null
    readonly smokeTestMs: number | null
  }
}

/** A record as we write it, every field checked, or undefined. */
export function parseTestRecord(bytes: Buffer): TestRecord | undefined {
  let value: unknown
  try {
    value = JSON.parse(bytes.toString('utf8'))
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const record = value as Record<string, unknown>
  const durations = record.durations as Record<string, unknown> | null | undefined
  const result = RESULTS.find((known) => known === record.result)
  const smokeTest = record.smokeTest === null ? null : RESULTS.find((r) => r === record.smokeTest)
  const parsed = {
    commit: typeof record.commit === 'string' && /^[0-9a-f]{40,64}$/.test(record.commit),
    runUrl: typeof record.runUrl === 'string' && (record.runUrl === '' || isWebUrl(record.runUrl)),
    recordedAt:
      typeof record.recordedAt === 'string' &&
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(record.recordedAt),
    durations: typeof durations === 'object' && durations !== null
  }
  if (!Object.values(parsed).every(Boolean) || result === undefined || smokeTest === undefined) {
    return undefined
  }
  return {
    commit: record.commit as string,
    result,
    testCommand: optionalText(record.testCommand),
    testStage: optionalText(record.testStage),
    testedImageId: optionalText(record.testedImageId),
    smokeTest,
    smokeTestCommand: optionalText(record.smokeTestCommand),
    durations: {
      buildMs: optionalMs(durations?.buildMs),
      testMs: optionalMs(durations?.testMs),
      smokeTestMs: optionalMs(durations?.smokeTestMs)
    },
    runUrl: record.runUrl as string,
    recordedAt: record.recordedAt as string
  }
}

function isWebUrl(text: string): boolean {
  if (text.length > MAX_TEXT || !/^https?:\/\/[^\s<>()[\]`|]+$/.test(text)) return false
  try {
    return new URL(text).href !== ''
  } catch {
    return false
  }
}

function optionalText(value: unknown): string | null {
  return typeof value === 'string' ? registryText(value.slice(0, MAX_TEXT)) : null
}

function optionalMs(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null
}
