// Writes Markdown to the job summary; a failure there is a warning, never the step's failure.
import * as core from '../runner/core.js'
import { getErrorMessage } from '../errors.js'

export async function writeJobSummary(markdown: string): Promise<void> {
  try {
    await core.appendJobSummary(markdown)
  } catch (error) {
    core.warning(`Could not write the job summary: ${getErrorMessage(error)}`)
  }
}
