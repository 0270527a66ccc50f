// The one top-level catch: any thrown value becomes one `::error::` line that fails the step.
import * as core from '@actions/core'
import { getErrorMessage, isExpected } from './errors.js'
import { RegistryError } from './registry/errors.js'

export function failStep(error: unknown): void {
  // Errors we anticipated are the whole story; a bug keeps its stack, but only in the debug log.
  const anticipated = isExpected(error) || error instanceof RegistryError
  if (!anticipated && error instanceof Error && error.stack !== undefined) core.debug(error.stack)
  core.setFailed(getErrorMessage(error))
}
