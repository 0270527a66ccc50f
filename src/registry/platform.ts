// OCI platforms (os/architecture/variant) as Docker writes them: parsed, compared and printed.

export interface Platform {
  readonly os: string
  readonly architecture: string
  /** e.g. v7 for linux/arm/v7, v8 for linux/arm64/v8; undefined when the platform names none. */
  readonly variant?: string | undefined
}

export class InvalidPlatformError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InvalidPlatformError'
  }
}

const COMPONENT = /^[a-z0-9][a-z0-9_.-]{0,31}$/

/** `os/arch[/variant]`, as `docker buildx build --platform` takes one. */
export function parsePlatform(value: string): Platform {
  const parts = value.split('/')
  if (parts.length < 2 || parts.length > 3 || !parts.every((part) => COMPONENT.test(part))) {
    throw new InvalidPlatformError(
      `'${value}' is not a platform such as linux/amd64, linux/arm64 or linux/arm/v7`
    )
  }
  const [os = '', architecture = '', variant] = parts
  return { os, architecture, ...(variant === undefined ? {} : { variant }) }
}

export function formatPlatform(platform: Platform): string {
  const { os, architecture, variant } = platform
  return variant === undefined || variant === ''
    ? `${os}/${architecture}`
    : `${os}/${architecture}/${variant}`
}

/**
 * Whether two platforms name the same machine. arm64 without a variant is arm64/v8, as containerd
 * normalizes it: linux/arm64 and linux/arm64/v8 are one platform.
 */
export function samePlatform(a: Platform, b: Platform): boolean {
  return formatPlatform(normalized(a)) === formatPlatform(normalized(b))
}

function normalized(platform: Platform): Platform {
  if (platform.architecture === 'arm64' && platform.variant === 'v8') {
    return { os: platform.os, architecture: 'arm64' }
  }
  return platform
}
