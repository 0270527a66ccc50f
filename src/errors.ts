// Error types shared by every action, and the one way to turn a thrown value into a message.

/**
 * The base of every failure the user can act on (a bad input, a wrong password, failed tests, a
 * registry's refusal): reported as its one-line message, never with a stack trace. Anything else
 * thrown is a bug.
 */
export class ActionError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'ActionError'
  }
}

/** A user mistake in an input: one line naming the input. */
export class InputError extends ActionError {
  constructor(
    readonly input: string,
    problem: string
  ) {
    super(`Input '${input}': ${problem}`)
    this.name = 'InputError'
  }
}

export function getErrorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  return String(error)
}

/** The thrown value itself when it is an Error; anything else thrown wrapped in one. */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(getErrorMessage(error))
}

/** Errors we anticipated are the whole story; a bug keeps its stack for the debug log. */
export function isExpected(error: unknown): boolean {
  return error instanceof ActionError
}
