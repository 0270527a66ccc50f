// A failed build, carrying the build's own error for the log line, the comment and the summary.
import type { BuildError } from '../docker/build-error.js'
import { ActionError } from '../errors.js'
import { untrustedText } from '../log/untrusted-text.js'

export class BuildFailedError extends ActionError {
  constructor(
    /** What was built: `the image build`, or the test stage's build. */
    what: string,
    readonly exitCode: number,
    readonly buildError: BuildError
  ) {
    // The summary is the pull request's text: one escaped line, whatever it holds.
    super(
      `${what} failed (docker exit ${exitCode}): ${untrustedText(buildError.summary, 300)}; nothing was pushed`
    )
    this.name = 'BuildFailedError'
  }
}
