// The promote and rollback actions' inputs, read once into one typed settings object.
import { InputError } from '../errors.js'
import {
  InvalidReferenceError,
  parseDigest,
  parseReference,
  parseRepository,
  parseTag,
  repositoryName,
  sameRepository,
  type Repository
} from '../registry/reference.js'
import { boolean, lines, printable, text } from './inputs.js'
import { registryAuthInputs, type RegistryAuthInputs } from './registry-auth.js'

/** What to promote: a tag or digest in the image's repository, or the environment's previous digest. */
export type Source =
  | { readonly kind: 'tag'; readonly tag: string }
  | { readonly kind: 'digest'; readonly digest: string }
  | { readonly kind: 'previous' }

export interface PromoteSettings extends RegistryAuthInputs {
  readonly image: Repository
  readonly source: Source
  /** Tags to point at the source's digest; never empty. */
  readonly targets: readonly string[]
  readonly environment: string
  readonly record: boolean
}

export type PromoteMode = 'promote' | 'rollback'

export function getPromoteSettings(
  mode: PromoteMode,
  env: NodeJS.ProcessEnv = process.env
): PromoteSettings {
  const image = imageInput()
  const environment = mode === 'rollback' ? environmentInput(true) : environmentInput(false)
  const source =
    mode === 'rollback' ? rollbackSource(image) : sourceInput('source', text('source'), image)
  const targets = targetInput(mode === 'rollback' ? environment : undefined)
  return {
    image,
    source,
    targets,
    environment: environment ?? (targets[0] as string),
    record: boolean('record', true),
    ...registryAuthInputs(image, env)
  }
}

function imageInput(): Repository {
  const value = text('image')
  if (value === '')
    throw new InputError('image', 'is required (a repository such as ghcr.io/acme/web)')
  try {
    return parseRepository(value)
  } catch (error) {
    if (error instanceof InvalidReferenceError) throw new InputError('image', error.message)
    throw error
  }
}

function rollbackSource(image: Repository): Source {
  const to = text('to')
  return to === '' ? { kind: 'previous' } : sourceInput('to', to, image)
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

function targetInput(fallback: string | undefined): string[] {
  const given = lines('target')
  const values = given.length === 0 && fallback !== undefined ? [fallback] : given
  if (values.length === 0)
    throw new InputError('target', 'is required: one or more tags, one a line')
  for (const value of values) {
    try {
      parseTag(value)
    } catch (error) {
      if (error instanceof InvalidReferenceError) throw new InputError('target', error.message)
      throw error
    }
  }
  return [...new Set(values)]
}

function environmentInput(required: boolean): string | undefined {
  const value = text('environment')
  if (value === '') {
    if (required) throw new InputError('environment', 'is required (e.g. staging or production)')
    return undefined
  }
  if (value.length > 255 || /[\r\n\0]/.test(value) || value.includes(',')) {
    throw new InputError('environment', `'${printable(value)}' is not a valid environment name`)
  }
  return value
}
