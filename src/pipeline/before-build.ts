// What a run that builds makes sure of first, all at once: the engine and buildx answer, the
// credentials hold (when no lookup proved them), and whether the checkout holds uncommitted changes.
import * as core from '../runner/core.js'
import type { EngineCheck } from './engine-check.js'
import { uncommittedChangesWarning } from './revision.js'

export interface BeforeBuild {
  readonly engine: EngineCheck
  /** A registry request that proves the credentials; undefined when the lookup already did. */
  readonly credentialsProof: Promise<unknown> | undefined
  /** The build context and the commit it is tagged with. */
  readonly context: string
  readonly sha: string
}

/** Resolves with the warning to add to the report, when the checkout holds uncommitted changes. */
export async function checkBeforeBuild(check: BeforeBuild): Promise<string | undefined> {
  check.credentialsProof?.catch(() => undefined)
  // The probes first: the build waits on them, while git status has until the build ends. Its
  // process starts a turn later, once the probes' process and request are out.
  check.engine.start()
  const uncommitted = new Promise(setImmediate).then(() =>
    uncommittedChangesWarning(check.context, check.sha)
  )
  await check.engine.ready()
  await check.credentialsProof
  const warning = await uncommitted
  if (warning !== undefined) core.warning(warning)
  return warning
}
