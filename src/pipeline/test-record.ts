// The record of a run's tests, attached to the image it pushed, and read back when a re-run reuses it.
import * as core from '../runner/core.js'
import { getErrorMessage } from '../errors.js'
import { untrustedText } from '../log/untrusted-text.js'
import { MANIFEST_BODY_LIMIT } from '../registry/body.js'
import { ACCEPT_MANIFESTS, MANIFEST_MEDIA_TYPES, OCI_MANIFEST } from '../registry/media-types.js'
import {
  parseArtifactManifest,
  type Annotations,
  type Descriptor
} from '../registry/oci-artifact.js'
import {
  getBlob,
  getManifest,
  listReferrers,
  pushReferrer,
  type Artifact,
  type PushedReferrer
} from '../registry/referrers.js'
import type { ImageRepository } from '../registry/repository.js'
import type { RegistryTransport } from '../registry/transport.js'
import type { BuildReport, RecordedTest } from './report.js'
import { parseTestRecord, type TestRecord } from './test-record-parse.js'

export { parseTestRecord, type TestRecord } from './test-record-parse.js'

export const TEST_REPORT_TYPE = 'application/vnd.immutable-image.test-report.v1+json'
/**
 * The record again, as an annotation of its manifest: registries copy annotations into referrers
 * listings (and we into the referrers tag), so a re-run reads the record from the listing alone.
 * It names its subject, since a listing is only a tag that anyone who can push may copy.
 */
export const RECORD_ANNOTATION = 'vnd.immutable-image.test-record'

/** A record is a few hundred bytes; its manifest under 1 KiB. Anything far larger is not ours. */
export const RECORD_LIMIT = 64 * 1024
const MANIFEST_LIMIT = 64 * 1024
/** Referrers read at most, newest first: enough for every re-run of a commit, bounded. */
const MAX_CANDIDATES = 20

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
    smokeTest: report.smokeTest?.result ?? null,
    smokeTestCommand: report.smokeTest?.command ?? null,
    durations: {
      buildMs: report.buildDurationMs ?? null,
      testMs: report.test.durationMs ?? null,
      smokeTestMs: report.smokeTest?.durationMs ?? null
    },
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
  record: TestRecord,
  known?: Descriptor,
  artifact?: Artifact
): Promise<void> {
  try {
    const pushed = await pushTestRecord(transport, repository, digest, record, known, artifact)
    core.info(
      `Attached the test record ${pushed.digest} to ${untrustedText(digest)} (listed by the ${pushed.listedBy})`
    )
  } catch (error) {
    core.warning(
      `The image is pushed, but its test record could not be attached: ${getErrorMessage(error)}`
    )
  }
}

/**
 * Attaches the record to the image `digest` as an OCI referrer; `known` is what the registry said
 * of the image already (the push's look-up), which spares asking for its manifest again.
 */
export async function pushTestRecord(
  transport: RegistryTransport,
  repository: string,
  digest: string,
  record: TestRecord,
  known?: Descriptor,
  artifact: Artifact = recordArtifact(record)
): Promise<PushedReferrer> {
  const subject =
    subjectDescribed(known, digest) ?? (await subjectOf(transport, repository, digest))
  return pushReferrer(transport, repository, subject, {
    ...artifact,
    annotations: { [RECORD_ANNOTATION]: JSON.stringify({ subject: digest, ...record }) }
  })
}

/** The record as an artifact; its annotation, which names the subject, is added when pushed. */
export function recordArtifact(record: TestRecord): Artifact {
  return {
    artifactType: TEST_REPORT_TYPE,
    mediaType: TEST_REPORT_TYPE,
    bytes: Buffer.from(JSON.stringify(record)),
    fresh: true
  }
}

/**
 * The subject's descriptor from a look-up's headers when they can name it: the same digest, a
 * manifest media type and a size a manifest can have. A registry that leaves the length out (or
 * says something else) is asked for the manifest itself.
 */
function subjectDescribed(known: Descriptor | undefined, digest: string): Descriptor | undefined {
  if (known === undefined || known.digest !== digest) return undefined
  const mediaType = MANIFEST_MEDIA_TYPES.find((type) => type === known.mediaType)
  const { size } = known
  if (mediaType === undefined || !Number.isSafeInteger(size) || size <= 0) return undefined
  return size > MANIFEST_BODY_LIMIT ? undefined : { mediaType, digest, size }
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
    const record =
      recordAnnotated(referrer.annotations, digest) ??
      (await recordIn(transport, repository, referrer.digest, digest))
    if (record === undefined || record.commit !== sha) continue
    if (newest === undefined || record.recordedAt > newest.recordedAt) newest = record
  }
  return newest
}

/** The record an annotation holds for `subject`; undefined when it holds none, or not for it. */
function recordAnnotated(
  annotations: Annotations | undefined,
  subject: string
): TestRecord | undefined {
  const text = annotations?.[RECORD_ANNOTATION]
  if (text === undefined || text.length > RECORD_LIMIT) return undefined
  const bytes = Buffer.from(text)
  const named = parseTestRecordSubject(bytes)
  return named === subject ? parseTestRecord(bytes) : undefined
}

function parseTestRecordSubject(bytes: Buffer): string | undefined {
  try {
    const { subject } = JSON.parse(bytes.toString('utf8')) as { subject?: unknown }
    return typeof subject === 'string' ? subject : undefined
  } catch {
    return undefined
  }
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

/** readTestRecord of `digest`, started now: awaited, and any failure reported, by reusedImageRecord. */
export function startReadingRecord(
  registry: ImageRepository,
  digest: string,
  sha: string
): Promise<TestRecord | undefined> {
  const reading = readTestRecord(registry.client.transport, registry.image.path, digest, sha)
  reading.catch(() => undefined)
  return reading
}

/**
 * What a reused image's test record says, logged; undefined, with a warning, when it cannot be
 * read. `reading` is readTestRecord's answer, asked as soon as the image's digest was known.
 */
export async function reusedImageRecord(
  reading: Promise<TestRecord | undefined>,
  reference: string
): Promise<RecordedTest | undefined> {
  try {
    const record = await core.group(`Read the test record of ${reference}`, () => reading)
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
