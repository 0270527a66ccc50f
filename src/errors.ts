// Error types shared by every action, and the one way to turn a thrown value into a message.

/** A user mistake in an input: reported as one line naming the input, never with a stack trace. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    problem: string
  ) {
    super(`Input '${input}': ${problem}`)
    this.name = 'InputError'
  }
}

/** A failure the user can act on (wrong password, failed tests): reported without a stack trace. */
export class ActionError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'ActionError'
  }
}

export function getErrorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  return String(error)
}

/** Errors we did not anticipate keep their stack for the debug log; ours are one line. */
export function isExpected(error: unknown): boolean {
  return error instanceof InputError || error instanceof ActionError
}
