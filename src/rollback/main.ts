// The rollback action: promote with source `previous` unless `to` names a tag or digest.
import { runPromotion } from '../promote/run-promotion.js'
import { getRollbackSettings } from '../settings/rollback.js'

export function run(): Promise<void> {
  return runPromotion(getRollbackSettings)
}
