// Image references in Docker's grammar: registry host, repository path, tag and digest.

export const DOCKER_HUB = 'docker.io'

/** A repository in a registry, e.g. `ghcr.io` + `acme/web`. */
export interface Repository {
  /** Host and optional port as written (`docker.io` for Docker Hub). */
  readonly registry: string
  /** Path inside the registry (`library/nginx` for Docker Hub's official images). */
  readonly path: string
}

/** A tag that follows the grammar: only `parseTag` makes one. */
export type Tag = string & { readonly __grammar: 'tag' }

/** A sha256 or sha512 digest that follows the grammar: only `parseDigest` makes one. */
export type Digest = string & { readonly __grammar: 'digest' }

export interface ImageReference {
  readonly repository: Repository
  readonly tag?: Tag
  readonly digest?: Digest
}

export class InvalidReferenceError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InvalidReferenceError'
  }
}

const DOMAIN_COMPONENT = '(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])'
const DOMAIN = new RegExp(
  `^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9A-Fa-f:]+\\])(?::[0-9]{1,5})?$`
)
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/
const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/
const MAX_NAME_LENGTH = 255

export function isTag(value: string): value is Tag {
  return TAG.test(value)
}

export function isDigest(value: string): value is Digest {
  return DIGEST.test(value)
}

export function parseTag(value: string): Tag {
  if (!isTag(value)) {
    throw new InvalidReferenceError(
      `'${value}' is not a valid tag (letters, digits, '_', '.', '-'; up to 128; not starting with '.' or '-')`
    )
  }
  return value
}

export function parseDigest(value: string): Digest {
  if (!isDigest(value)) {
    throw new InvalidReferenceError(
      `'${value}' is not a valid digest (expected sha256: and 64 lower-case hex digits)`
    )
  }
  return value
}

/** A repository without tag or digest, as the `image` input takes it. */
export function parseRepository(value: string): Repository {
  const reference = parseReference(value)
  if (reference.tag !== undefined || reference.digest !== undefined) {
    throw new InvalidReferenceError(
      `'${value}' must name a repository without a tag or digest (e.g. ghcr.io/acme/web)`
    )
  }
  return reference.repository
}

/** `[registry/]path[:tag][@digest]`, with Docker Hub's `docker.io` and `library/` defaults. */
export function parseReference(value: string): ImageReference {
  if (value === '') throw new InvalidReferenceError('the image reference is empty')
  if (/\s/.test(value)) {
    throw new InvalidReferenceError(`'${value}' contains white space`)
  }
  let rest = value
  let digest: Digest | undefined
  const at = rest.indexOf('@')
  if (at !== -1) {
    digest = parseDigest(rest.slice(at + 1))
    rest = rest.slice(0, at)
  }
  let tag: Tag | undefined
  const lastSlash = rest.lastIndexOf('/')
  const colon = rest.indexOf(':', lastSlash + 1)
  if (colon !== -1) {
    tag = parseTag(rest.slice(colon + 1))
    rest = rest.slice(0, colon)
  }
  const repository = splitRepository(value, rest)
  return {
    repository,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest })
  }
}

function splitRepository(original: string, name: string): Repository {
  if (name.length > MAX_NAME_LENGTH) {
    throw new InvalidReferenceError(`'${original}' is longer than ${MAX_NAME_LENGTH} characters`)
  }
  const slash = name.indexOf('/')
  const first = slash === -1 ? '' : name.slice(0, slash)
  const namesRegistry =
    slash !== -1 &&
    (first.includes('.') ||
      first.includes(':') ||
      first === 'localhost' ||
      first !== first.toLowerCase())
  const registry = namesRegistry ? first : DOCKER_HUB
  let path = namesRegistry ? name.slice(slash + 1) : name
  if (namesRegistry && !DOMAIN.test(registry)) {
    throw new InvalidReferenceError(`'${original}' has an invalid registry host '${registry}'`)
  }
  for (const component of path.split('/')) {
    if (!PATH_COMPONENT.test(component)) {
      throw new InvalidReferenceError(
        `'${original}' is not a valid image name: '${component}' must be lower-case letters and digits, separated by '.', '_', '__' or '-'`
      )
    }
  }
  if (registry === DOCKER_HUB && !path.includes('/')) path = `library/${path}`
  return { registry, path }
}

/** The name Docker prints: `ghcr.io/acme/web`, `docker.io/library/nginx`. */
export function repositoryName(repository: Repository): string {
  return `${repository.registry}/${repository.path}`
}

export function formatReference(reference: ImageReference): string {
  const tag = reference.tag === undefined ? '' : `:${reference.tag}`
  const digest = reference.digest === undefined ? '' : `@${reference.digest}`
  return `${repositoryName(reference.repository)}${tag}${digest}`
}

export function sameRepository(a: Repository, b: Repository): boolean {
  return a.registry === b.registry && a.path === b.path
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/

/** Docker speaks plain HTTP to registries on loopback and HTTPS to every other. */
export function registryBaseUrl(registry: string): string {
  if (registry === DOCKER_HUB) return 'https://registry-1.docker.io'
  return `${LOOPBACK.test(registry) ? 'http' : 'https'}://${registry}`
}
