// A failed build, carrying the build's own error for the log line, the comment and the summary.
import type { BuildError } from '../docker/build-error.js'
import { ActionError } from '../errors.js'
import { untrustedText } from '../log/untrusted-text.js'

const SUMMARY_CHARS = 300

export class BuildFailedError extends ActionError {
  /** The message with the build's words as they are, for Markdown that escapes them itself. */
  readonly unescapedMessage: string

  constructor(
    /** What was built: `the image build`, or the test stage's build. */
    what: string,
    readonly exitCode: number,
    readonly buildError: BuildError
  ) {
    const sentence = (summary: string): string =>
      `${what} failed (docker exit ${exitCode}): ${summary}; nothing was pushed`
    // The summary is the pull request's text: in the log, one escaped line, whatever it holds.
    super(sentence(untrustedText(buildError.summary, SUMMARY_CHARS)))
    this.name = 'BuildFailedError'
    const summary = Array.from(buildError.summary)
    this.unescapedMessage = sentence(
      summary.length > SUMMARY_CHARS
        ? `${summary.slice(0, SUMMARY_CHARS).join('')}…`
        : buildError.summary
    )
  }
}
