// The rollback action: promote with source `previous` unless `to` names a tag or digest.
import { runPromotion } from '../promote/run-promotion.js'

export function run(): Promise<void> {
  return runPromotion('rollback')
}
