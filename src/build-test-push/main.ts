// The root action: build the image, test inside it, push it only if the tests pass, report the digest.
import * as core from '../runner/core.js'
import { Docker } from '../docker/docker.js'
import { failStep } from '../fail-step.js'
import { readCheckout } from '../git/checkout.js'
import { runContext } from '../github/context.js'
import { untrustedText } from '../log/untrusted-text.js'
import { cancelTests } from '../pipeline/test-containers.js'
import { BuildPipeline } from '../pipeline/pipeline.js'
import { chooseRevision } from '../pipeline/revision.js'
import { getBuildSettings } from '../settings/build.js'
import { requireBuilderFor } from '../settings/buildx-inputs.js'
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
    const docker = new Docker()
    // The engine and buildx are probed while git is read and the registry asked for the SHA tag:
    // the fixed cost of a run is the slowest of them, not their sum.
    const engine = docker.ensureEngine()
    engine.catch(() => undefined)
    docker.buildxVersion().catch(() => undefined)
    const revision = chooseRevision(await readCheckout(settings.context), context, new Date())
    const pipeline = await BuildPipeline.create(settings, context, revision, docker)
    await core.group('Docker engine', async () => {
      core.info(`Engine ${untrustedText(await engine)}`)
    })
    for (const warning of revision.warnings) core.warning(warning)
    requireBuilderFor(settings.buildx, (await docker.buildxVersion()) !== undefined)
    await publish(settings, context, await pipeline.run())
  } catch (error) {
    failStep(error)
  }
}
