// The record of the tests that passed, made before the push and attached to the pushed image.
import * as core from '../runner/core.js'
import type { Descriptor } from '../registry/oci-artifact.js'
import { withBlobsUploading, type Artifact } from '../registry/referrers.js'
import type { ImageRepository } from '../registry/repository.js'
import type { BuildReport } from './report.js'
import { attachTestRecord, recordArtifact, testRecordOf, type TestRecord } from './test-record.js'

/** A run's test record, its blobs uploading while the image it records is pushed. */
export interface StagedRecord {
  readonly record: TestRecord
  readonly artifact: Artifact
}

/**
 * The record of the tests that passed, made once they did: its blobs name no image, so they upload
 * while the image is pushed, and recordTests has only the manifests left to put.
 */
export function stageTestRecord(
  registry: ImageRepository,
  report: BuildReport,
  testedId: string | undefined
): StagedRecord {
  const record = testRecordOf(report, testedId, new Date())
  const { transport } = registry.client
  const artifact = withBlobsUploading(transport, registry.image.path, recordArtifact(record))
  return { record, artifact }
}

/**
 * The staged record attached to the image `digest`; `pushed` is what the registry said of the
 * image right after the push.
 */
export async function recordTests(
  registry: ImageRepository,
  staged: StagedRecord,
  digest: string,
  pushed: Descriptor | undefined
): Promise<void> {
  const { transport } = registry.client
  const { record, artifact } = staged
  await core.group('Attach the test record', () =>
    attachTestRecord(transport, registry.image.path, digest, record, pushed, artifact)
  )
}
