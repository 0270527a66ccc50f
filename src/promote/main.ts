// The promote action: point target tags at a source's digest and record the deployment.
import { getPromoteSettings } from '../settings/promote.js'
import { runPromotion } from './run-promotion.js'

export function run(): Promise<void> {
  return runPromotion(getPromoteSettings)
}
