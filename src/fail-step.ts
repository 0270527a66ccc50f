// The one top-level catch: any thrown value becomes one `::error::` line that fails the step.
import * as core from './runner/core.js'
import { getErrorMessage, isExpected } from './errors.js'

export function failStep(error: unknown): void {
  // An ActionError is the whole story; a bug keeps its stack, but only in the debug log.
  if (!isExpected(error) && error instanceof Error && error.stack !== undefined) {
    core.debug(error.stack)
  }
  core.setFailed(getErrorMessage(error))
}
