// Proves the test image is the shipped image plus test layers, so its tests ran on the shipped bytes.
import { ActionError } from '../errors.js'

export interface StageLayers {
  /** The stage's name; undefined for an unnamed stage (the shipped one may be). */
  readonly name: string | undefined
  /** How the stage is named in messages: its name, or its position when it has none. */
  readonly description: string
  /** The image's RootFS diff IDs, bottom layer first. */
  readonly diffIds: readonly string[]
}

/** True when `tested` holds every layer of `shipped`, in the same order, before its own. */
export function extendsLayers(shipped: readonly string[], tested: readonly string[]): boolean {
  return shipped.length <= tested.length && shipped.every((layer, at) => tested[at] === layer)
}

/** Throws one line naming both stages unless the test image was built FROM the shipped one. */
export function requireTestedOnShipped(shipped: StageLayers, tested: StageLayers): void {
  if (extendsLayers(shipped.diffIds, tested.diffIds)) return
  const example =
    shipped.name === undefined
      ? ' (name the shipped stage with AS to build FROM it)'
      : ` (FROM ${shipped.name} AS ${tested.name ?? 'test'})`
  throw new ActionError(
    `the test stage ${tested.description} is not built on the shipped stage ${shipped.description}: its layers do not begin with the shipped image's layers, so the tests would not run on the bytes that are pushed. The test stage must be built FROM the shipped one${example}; nothing was pushed`
  )
}
