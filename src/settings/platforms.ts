// The `platforms` input: the OCI platforms one buildx build makes into one index.
import { InputError } from '../errors.js'
import {
  formatPlatform,
  InvalidPlatformError,
  parsePlatform,
  samePlatform,
  type Platform
} from '../registry/platform.js'
import { csvList } from './input-list.js'
import { printable } from './inputs.js'

/** build-push-action's syntax: comma- or newline-separated `os/arch[/variant]` items. */
export function platformsInput(): Platform[] {
  const platforms: Platform[] = []
  for (const item of csvList('platforms')) {
    let platform: Platform
    try {
      platform = parsePlatform(item)
    } catch (error) {
      if (error instanceof InvalidPlatformError) {
        throw new InputError(
          'platforms',
          `'${printable(item)}' is not os/arch[/variant], e.g. linux/amd64 or linux/arm/v7`
        )
      }
      throw error
    }
    if (platforms.some((seen) => samePlatform(seen, platform))) {
      throw new InputError('platforms', `${formatPlatform(platform)} is given more than once`)
    }
    platforms.push(platform)
  }
  return platforms
}
