// The merge action's inputs, read once into one typed, readonly settings object.
import { InputError } from '../errors.js'
import {
  InvalidReferenceError,
  parseDigest,
  parseReference,
  parseTag,
  repositoryName,
  sameRepository,
  type Digest,
  type Repository,
  type Tag
} from '../registry/reference.js'
import { boolean, list, oneOf, printable, text } from './inputs.js'
import { imageInput } from './promotion-inputs.js'
import { registryAuthInputs, type RegistryAuthInputs } from './registry-auth.js'

export interface MergeSettings extends RegistryAuthInputs {
  readonly image: Repository
  /** One platform image each, in the order the index lists them; never empty. */
  readonly digests: readonly Digest[]
  /** Tags besides the SHA tag, all in `image`: the index's children live there. */
  readonly extraTags: readonly Tag[]
  readonly shaFormat: 'short' | 'long'
  readonly comment: boolean
}

export function getMergeSettings(env: NodeJS.ProcessEnv = process.env): MergeSettings {
  const image = imageInput(text('image'))
  const digests = list('digests').map((value) => digestInput(value, image))
  if (digests.length === 0) {
    throw new InputError(
      'digests',
      'is required: the digest output of each platform build, one a line'
    )
  }
  return {
    image,
    digests,
    extraTags: [...new Set(list('tags').map((value) => tagInput(value, image)))],
    shaFormat: oneOf('sha-format', ['short', 'long'], 'short'),
    comment: boolean('comment', true),
    ...registryAuthInputs(image, env)
  }
}

/** `sha256:…`, or `<image>@sha256:…` as the build's ref output gives it. */
function digestInput(value: string, image: Repository): Digest {
  try {
    if (!value.includes('@')) return parseDigest(value)
    const reference = parseReference(value)
    if (reference.digest === undefined || reference.tag !== undefined) {
      throw new InvalidReferenceError(`'${printable(value)}' must be a digest, without a tag`)
    }
    if (!sameRepository(reference.repository, image)) {
      throw new InvalidReferenceError(
        `'${printable(value)}' is not in ${repositoryName(image)}: an index can only list images of its own repository`
      )
    }
    return reference.digest
  } catch (error) {
    if (error instanceof InvalidReferenceError) throw new InputError('digests', error.message)
    throw error
  }
}

/** A bare tag, or a full reference with a tag in `image` (as docker/metadata-action writes them). */
function tagInput(value: string, image: Repository): Tag {
  try {
    if (!value.includes('/') && !value.includes('@')) return parseTag(value)
    const reference = parseReference(value)
    if (reference.tag === undefined || reference.digest !== undefined) {
      throw new InvalidReferenceError(
        `'${printable(value)}' must be a tag or a reference with a tag`
      )
    }
    if (!sameRepository(reference.repository, image)) {
      throw new InvalidReferenceError(
        `'${printable(value)}' is not in ${repositoryName(image)}: merge tags the index where its images are`
      )
    }
    return reference.tag
  } catch (error) {
    if (error instanceof InvalidReferenceError) throw new InputError('tags', error.message)
    throw error
  }
}
