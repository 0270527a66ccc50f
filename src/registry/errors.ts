// A registry failure that keeps where it happened and what the registry itself said.
import { ActionError } from '../errors.js'
import { untrustedText } from '../log/untrusted-text.js'

export interface RegistryErrorDetails {
  readonly registry: string
  readonly repository: string
  readonly status?: number
  /** The registry's own error code, e.g. MANIFEST_UNKNOWN, UNAUTHORIZED, TAG_INVALID. */
  readonly code?: string
}

/** A failure the user can act on, as every registry refusal is: reported without a stack. */
export class RegistryError extends ActionError {
  readonly registry: string
  readonly repository: string
  readonly status: number | undefined
  readonly code: string | undefined

  constructor(message: string, details: RegistryErrorDetails, options?: ErrorOptions) {
    super(message, options)
    this.name = 'RegistryError'
    this.registry = details.registry
    this.repository = details.repository
    this.status = details.status
    this.code = details.code
  }
}

export interface RegistryErrorOptions {
  readonly status?: number | undefined
  readonly code?: string | undefined
  readonly cause?: Error | undefined
}

/** A RegistryError for one registry and repository, leaving out what is unknown. */
export function registryError(
  registry: string,
  repository: string,
  message: string,
  options: RegistryErrorOptions = {}
): RegistryError {
  const { status, code, cause } = options
  return new RegistryError(
    message,
    {
      registry,
      repository,
      ...(status === undefined ? {} : { status }),
      ...(code === undefined ? {} : { code })
    },
    cause === undefined ? undefined : { cause }
  )
}

// C0 and C1 controls, line and paragraph separators, and bidirectional overrides.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g

/**
 * Text a registry chose (error messages, header values) made safe to put inside a message: one
 * line with runs of control characters folded to a space, then capped and kept from reading as a
 * workflow command, as every untrusted value in a log line is.
 */
export function registryText(text: string): string {
  return untrustedText(text.replace(UNPRINTABLE, ' ').replace(/ {2,}/g, ' ').trim())
}

interface DistributionErrorBody {
  errors?: { code?: string; message?: string }[]
}

/** Reads the `{"errors":[{"code","message"}]}` body the Distribution spec defines. */
export function parseErrorBody(body: string): { code?: string; message?: string } {
  try {
    const parsed = JSON.parse(body) as DistributionErrorBody
    const first = parsed.errors?.[0]
    const code = typeof first?.code === 'string' ? registryText(first.code) : undefined
    const message = typeof first?.message === 'string' ? registryText(first.message) : undefined
    return {
      ...(code === undefined ? {} : { code }),
      ...(message === undefined ? {} : { message })
    }
  } catch {
    return {}
  }
}

/** Registries that keep tags immutable refuse a re-tag each in their own way. */
export function isImmutableTagRefusal(status: number, code: string | undefined): boolean {
  return (
    (status === 400 && code === 'TAG_INVALID') ||
    status === 412 ||
    (status === 403 && code !== 'DENIED' && code !== 'UNAUTHORIZED') ||
    status === 405
  )
}
