// The promote and rollback actions' step outputs, set together from one result.
import * as core from '../runner/core.js'
import type { PromotionResult } from './promotion.js'

export function setPromotionOutputs(result: PromotionResult): void {
  core.setOutput('digest', result.digest)
  core.setOutput('previous-digest', result.previousDigest)
  core.setOutput('ref', `${result.image}@${result.digest}`)
  core.setOutput(
    'deployment-id',
    result.deploymentId === undefined ? '' : String(result.deploymentId)
  )
}
