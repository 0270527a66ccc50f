// Pure parsers of the inputs promote and rollback share: image, source, targets and environment.
import { InputError } from '../errors.js'
import {
  InvalidReferenceError,
  parseDigest,
  parseReference,
  parseRepository,
  parseTag,
  repositoryName,
  sameRepository,
  type Digest,
  type Repository,
  type Tag
} from '../registry/reference.js'
import { printable } from './inputs.js'

/** What to promote: a tag or digest in the image's repository, or the environment's previous digest. */
export type Source =
  | { readonly kind: 'tag'; readonly tag: Tag }
  | { readonly kind: 'digest'; readonly digest: Digest }
  | { readonly kind: 'previous' }

export function imageInput(value: string): Repository {
  if (value === '')
    throw new InputError('image', 'is required (a repository such as ghcr.io/acme/web)')
  try {
    return parseRepository(value)
  } catch (error) {
    if (error instanceof InvalidReferenceError) throw new InputError('image', error.message)
    throw error
  }
}

/** A tag, a digest, `previous`, or a full reference in the image's repository (the build's `ref`). */
export function sourceInput(name: string, value: string, image: Repository): Source {
  if (value === '')
    throw new InputError(name, 'is required: a tag, a digest (sha256:…) or previous')
  if (value === 'previous') return { kind: 'previous' }
  try {
    if (value.includes('/')) return sourceReference(name, value, image)
    if (value.startsWith('sha256:') || value.startsWith('sha512:')) {
      return { kind: 'digest', digest: parseDigest(value) }
    }
    return { kind: 'tag', tag: parseTag(value) }
  } catch (error) {
    if (error instanceof InvalidReferenceError) {
      throw new InputError(
        name,
        `${error.message}; expected a tag, a digest (sha256:…) or previous`
      )
    }
    throw error
  }
}

function sourceReference(name: string, value: string, image: Repository): Source {
  const reference = parseReference(value)
  if (!sameRepository(reference.repository, image)) {
    throw new InputError(
      name,
      `'${printable(value)}' is not in ${repositoryName(image)}: promotion moves tags within one repository`
    )
  }
  if (reference.digest !== undefined) return { kind: 'digest', digest: reference.digest }
  if (reference.tag !== undefined) return { kind: 'tag', tag: reference.tag }
  throw new InputError(name, `'${printable(value)}' names no tag or digest`)
}

/** One or more tags, repeats dropped; `values` empty means the input was not given. */
export function targetsInput(values: readonly string[]): Tag[] {
  if (values.length === 0)
    throw new InputError('target', 'is required: one or more tags, one a line')
  const tags = values.map((value) => {
    try {
      return parseTag(value)
    } catch (error) {
      if (error instanceof InvalidReferenceError) throw new InputError('target', error.message)
      throw error
    }
  })
  return [...new Set(tags)]
}

/** A GitHub environment name, or undefined when not given. */
export function environmentInput(value: string): string | undefined {
  if (value === '') return undefined
  if (value.length > 255 || /[\r\n\0]/.test(value) || value.includes(',')) {
    throw new InputError('environment', `'${printable(value)}' is not a valid environment name`)
  }
  return value
}
