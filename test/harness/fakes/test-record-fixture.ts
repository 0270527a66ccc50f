// One pushed image's report and its test record, shared by the record's writing and reading tests.
import { TESTS_NOT_RUN, type BuildReport } from '../../../src/pipeline/report.js'
import { testRecordOf } from '../../../src/pipeline/test-record.js'
import { digestOf } from './oci-registry.js'
export const SHA = 'a'.repeat(40)
export const MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
export const IMAGE = Buffer.from(
  JSON.stringify({ schemaVersion: 2, mediaType: MANIFEST, layers: [] })
)
export const IMAGE_DIGEST = digestOf(IMAGE)
export const OTHER_IMAGE = Buffer.from(
  JSON.stringify({ schemaVersion: 2, mediaType: MANIFEST, config: {} })
)

export const REPORT: BuildReport = {
  outcome: 'pushed',
  image: 'ghcr.io/acme/web',
  shaTag: 'sha-aaaaaaa',
  sha: SHA,
  digest: IMAGE_DIGEST,
  tags: [],
  test: { ...TESTS_NOT_RUN, result: 'passed', command: 'npm test', durationMs: 4200, exitCode: 0 },
  sizeBytes: 100,
  layers: 2,
  buildDurationMs: 61_000,
  warnings: [],
  failure: undefined,
  runUrl: 'https://github.com/acme/web/actions/runs/1'
}

export const RECORD = testRecordOf(
  REPORT,
  `sha256:${'9'.repeat(64)}`,
  new Date('2026-11-25T08:00:00Z')
)
