// The record of a run's tests, attached to the image it pushed, and read back when a re-run reuses it.
import * as core from '@actions/core'
import { getErrorMessage } from '../errors.js'
import { untrustedText } from '../log/untrusted-text.js'
import { registryText } from '../registry/errors.js'
import { MANIFEST_BODY_LIMIT } from '../registry/body.js'
import { ACCEPT_MANIFESTS, MANIFEST_MEDIA_TYPES, OCI_MANIFEST } from '../registry/media-types.js'
import { parseArtifactManifest, type Descriptor } from '../registry/oci-artifact.js'
import {
  getBlob,
  getManifest,
  listReferrers,
  pushReferrer,
  type PushedReferrer
} from '../registry/referrers.js'
import type { RegistryTransport } from '../registry/transport.js'
import type { BuildReport, RecordedTest, TestResult } from './report.js'

export const TEST_REPORT_TYPE = 'application/vnd.immutable-image.test-report.v1+json'

/** A record is a few hundred bytes; its manifest under 1 KiB. Anything far larger is not ours. */
export const RECORD_LIMIT = 64 * 1024
const MANIFEST_LIMIT = 64 * 1024
/** Referrers read at most, newest first: enough for every re-run of a commit, bounded. */
const MAX_CANDIDATES = 20
const MAX_TEXT = 2000

export interface TestRecord extends RecordedTest {
  readonly commit: string
  /** The Dockerfile stage the tests ran in; null when they ran in the shipped image itself. */
  readonly testStage: string | null
  /** The local image ID (config digest) the tests ran in. */
  readonly testedImageId: string | null
  readonly smokeTest: TestResult | null
  readonly durations: { readonly buildMs: number | null; readonly testMs: number | null }
}

export function testRecordOf(
  report: BuildReport,
  testedImageId: string | undefined,
  recordedAt: Date
): TestRecord {
  return {
    commit: report.sha,
    result: report.test.result,
    testCommand: report.test.command ?? null,
    testStage: report.test.stage ?? null,
    testedImageId: testedImageId ?? null,
    smokeTest: null,
    durations: { buildMs: report.buildDurationMs ?? null, testMs: report.test.durationMs ?? null },
    runUrl: report.runUrl,
    recordedAt: recordedAt.toISOString()
  }
}

/**
 * Attaches the record and says so. The image is pushed and correct whatever happens here, so a
 * failure is a warning, never the step's failure.
 */
export async function attachTestRecord(
  transport: RegistryTransport,
  repository: string,
  digest: string,
  record: TestRecord
): Promise<void> {
  try {
    const pushed = await pushTestRecord(transport, repository, digest, record)
    core.info(
      `Attached the test record ${pushed.digest} to ${untrustedText(digest)} (listed by the ${pushed.listedBy})`
    )
  } catch (error) {
    core.warning(
      `The image is pushed, but its test record could not be attached: ${getErrorMessage(error)}`
    )
  }
}

/** Attaches the record to the image `digest` as an OCI referrer. */
export async function pushTestRecord(
  transport: RegistryTransport,
  repository: string,
  digest: string,
  record: TestRecord
): Promise<PushedReferrer> {
  const subject = await subjectOf(transport, repository, digest)
  return pushReferrer(transport, repository, subject, {
    artifactType: TEST_REPORT_TYPE,
    mediaType: TEST_REPORT_TYPE,
    bytes: Buffer.from(JSON.stringify(record))
  })
}

/** The image's descriptor as the registry serves it: media type and exact size. */
async function subjectOf(
  transport: RegistryTransport,
  repository: string,
  digest: string
): Promise<Descriptor> {
  const bytes = await getManifest(
    transport,
    repository,
    digest,
    ACCEPT_MANIFESTS,
    MANIFEST_BODY_LIMIT
  )
  if (bytes === undefined) {
    throw transport.error(`${repository}@${digest} is not in the registry`, repository)
  }
  const mediaType = declaredMediaType(bytes)
  if (mediaType === undefined) {
    throw transport.error(
      `the manifest ${repository}@${digest} names no known media type`,
      repository
    )
  }
  return { mediaType, digest, size: bytes.length }
}

function declaredMediaType(bytes: Buffer): string | undefined {
  try {
    const { mediaType } = JSON.parse(bytes.toString('utf8')) as { mediaType?: unknown }
    return MANIFEST_MEDIA_TYPES.find((known) => known === mediaType)
  } catch {
    return undefined
  }
}

/**
 * The newest record attached to the image `digest` for commit `sha`. Referrers of another type,
 * for another subject or commit, or whose record does not parse are passed over: none left means
 * the image is not known to have been tested.
 */
export async function readTestRecord(
  transport: RegistryTransport,
  repository: string,
  digest: string,
  sha: string
): Promise<TestRecord | undefined> {
  const referrers = await listReferrers(transport, repository, digest, TEST_REPORT_TYPE)
  let newest: TestRecord | undefined
  for (const referrer of referrers.slice(-MAX_CANDIDATES)) {
    if (referrer.mediaType !== OCI_MANIFEST || referrer.size > MANIFEST_LIMIT) continue
    const record = await recordIn(transport, repository, referrer.digest, digest)
    if (record === undefined || record.commit !== sha) continue
    if (newest === undefined || record.recordedAt > newest.recordedAt) newest = record
  }
  return newest
}

async function recordIn(
  transport: RegistryTransport,
  repository: string,
  manifestDigest: string,
  subject: string
): Promise<TestRecord | undefined> {
  const bytes = await getManifest(
    transport,
    repository,
    manifestDigest,
    OCI_MANIFEST,
    MANIFEST_LIMIT
  )
  const manifest = bytes === undefined ? undefined : parseArtifactManifest(bytes)
  if (manifest?.artifactType !== TEST_REPORT_TYPE || manifest.subject !== subject) return undefined
  const layer = manifest.layers[0]
  if (manifest.layers.length !== 1 || layer === undefined) return undefined
  if (layer.mediaType !== TEST_REPORT_TYPE || layer.size > RECORD_LIMIT) return undefined
  const blob = await getBlob(transport, repository, layer.digest, RECORD_LIMIT)
  return blob === undefined ? undefined : parseTestRecord(blob)
}

const RESULTS: readonly TestResult[] = ['passed', 'failed', 'skipped']

/** A record as we write it, every field checked, or undefined. */
/** What a reused image's test record says, logged; undefined, with a warning, when it cannot be read. */
export async function reusedImageRecord(
  transport: RegistryTransport,
  repository: string,
  digest: string,
  sha: string,
  reference: string
): Promise<RecordedTest | undefined> {
  try {
    const record = await core.group(`Read the test record of ${reference}`, () =>
      readTestRecord(transport, repository, digest, sha)
    )
    core.info(
      record === undefined
        ? `${reference} has no test record: it is reported as not tested.`
        : `${reference} was recorded as ${record.result} by ${untrustedText(record.runUrl)} at ${untrustedText(record.recordedAt)}.`
    )
    return record
  } catch (error) {
    core.warning(`Could not read the test record of ${reference}: ${getErrorMessage(error)}`)
    return undefined
  }
}

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
    durations: {
      buildMs: optionalMs(durations?.buildMs),
      testMs: optionalMs(durations?.testMs)
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
