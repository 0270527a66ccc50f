// The root action: build the image, test inside it, push it only if the tests pass, report the digest.
import * as core from '../runner/core.js'
import { Docker } from '../docker/docker.js'
import { failStep } from '../fail-step.js'
import { readCheckout } from '../git/checkout.js'
import { runContext } from '../github/context.js'
import { cancelTests } from '../pipeline/test-containers.js'
import { EngineCheck } from '../pipeline/engine-check.js'
import { mayReuseShaTag } from '../pipeline/existing-tag.js'
import { BuildPipeline } from '../pipeline/pipeline.js'
import { guessShaTag } from '../pipeline/sha-tag-lookup.js'
import { openRepository } from '../registry/open-repository.js'
import { chooseRevision } from '../pipeline/revision.js'
import { getBuildSettings } from '../settings/build.js'
import { settleCleanupFlag } from '../cleanup-flag.js'
import { markMainRan } from '../state.js'
import { publish } from './publish.js'

export async function run(): Promise<void> {
  markMainRan()
  // The runner cancels a step with SIGINT, then SIGTERM: no test container may outlive it.
  process.on('SIGINT', () => void cancelTests('SIGINT'))
  process.on('SIGTERM', () => void cancelTests('SIGTERM'))
  try {
    const settings = getBuildSettings()
    const context = runContext()
    const engine = new EngineCheck(new Docker(), settings.buildx)
    // A run that builds whatever the registry holds probes the engine and buildx while git is read:
    // its fixed cost is the slowest of them, not their sum. One that may reuse the SHA tag asks the
    // registry first, so that a re-run never starts docker; it only finds what the probes need.
    const mayReuse = mayReuseShaTag(settings)
    if (!mayReuse) engine.start()
    const registry = openRepository(settings.image, settings)
    registry.catch(() => undefined)
    const guess = guessShaTag(registry, settings, context.eventSha)
    if (mayReuse) engine.prepare()
    const revision = chooseRevision(await readCheckout(settings.context), context, new Date())
    const pipeline = await BuildPipeline.create(settings, context, revision, engine, {
      registry,
      guess
    })
    for (const warning of revision.warnings) core.warning(warning)
    await publish(settings, context, await pipeline.run())
  } catch (error) {
    failStep(error)
  } finally {
    settleCleanupFlag()
  }
}
