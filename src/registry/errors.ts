// A registry failure that keeps where it happened and what the registry itself said.

export interface RegistryErrorDetails {
  readonly registry: string
  readonly repository: string
  readonly status?: number
  /** The registry's own error code, e.g. MANIFEST_UNKNOWN, UNAUTHORIZED, TAG_INVALID. */
  readonly code?: string
}

export class RegistryError extends Error {
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

interface DistributionErrorBody {
  errors?: { code?: string; message?: string }[]
}

/** Reads the `{"errors":[{"code","message"}]}` body the Distribution spec defines. */
export function parseErrorBody(body: string): { code?: string; message?: string } {
  try {
    const parsed = JSON.parse(body) as DistributionErrorBody
    const first = parsed.errors?.[0]
    return {
      ...(first?.code === undefined ? {} : { code: first.code }),
      ...(first?.message === undefined ? {} : { message: first.message })
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
