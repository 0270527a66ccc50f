// The promote and rollback actions' shared body: settings → registry → promotion → outputs.
import * as core from '../runner/core.js'
import { failStep } from '../fail-step.js'
import { runContext } from '../github/context.js'
import { openRepository } from '../registry/open-repository.js'
import type { PromoteSettings } from '../settings/promote.js'
import { githubDeploymentLog } from './deployment-log.js'
import { promote } from './promotion.js'
import { renderPromotion } from '../render/promotion.js'
import { writeJobSummary } from '../render/job-summary.js'
import { setPromotionOutputs } from './outputs.js'
import { untrustedText } from '../log/untrusted-text.js'

export async function runPromotion(readSettings: () => PromoteSettings): Promise<void> {
  try {
    const settings = readSettings()
    const run = runContext()
    const registry = await openRepository(settings.image, settings)
    const log = githubDeploymentLog(run, {
      token: settings.githubToken,
      record: settings.record,
      environment: settings.environment,
      image: registry.name
    })
    const result = await promote(settings, run, registry, log)
    setPromotionOutputs(result)
    await writeJobSummary(renderPromotion(result, settings.environment))
    core.info(
      `${settings.environment}: ${result.image}@${untrustedText(result.digest)} (${registry.requestCount} registry requests)`
    )
  } catch (error) {
    failStep(error)
  }
}
