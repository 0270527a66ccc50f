// The root action's inputs, read once into one typed, readonly settings object.
import { realpathSync, statSync } from 'node:fs'
import { format, isAbsolute, relative, resolve } from 'node:path'
import { InputError } from '../errors.js'
import {
  InvalidReferenceError,
  parseReference,
  parseRepository,
  parseTag,
  type ImageReference,
  type Repository
} from '../registry/reference.js'
import { buildxInputs, type BuildxInputs } from './buildx-inputs.js'
import { registryAuthInputs, type RegistryAuthInputs } from './registry-auth.js'
import { boolean, keyValues, list, oneOf, printable, seconds, stageName, text } from './inputs.js'
import { commandInput } from './command.js'
import { testTargetInput, type TestTarget } from './test-target.js'

export const IF_EXISTS = ['skip', 'fail', 'overwrite'] as const
export type IfExists = (typeof IF_EXISTS)[number]

export interface TestSettings {
  /** argv run inside the image; undefined when no test-command was given. */
  readonly command: readonly string[] | undefined
  /** argv run with docker exec in the shipped image started as in production; undefined for none. */
  readonly smokeTest: readonly string[] | undefined
  readonly env: ReadonlyMap<string, string>
  readonly network: string
  /** Docker's --memory value, e.g. 4g; undefined for no limit. */
  readonly memory: string | undefined
  /** Docker's --pids-limit; undefined for no limit. */
  readonly pidsLimit: number | undefined
  readonly timeoutSeconds: number
  /** `docker run --platform` of the containers; the pipeline sets it for each platform it tests. */
  readonly platform?: string | undefined
}

export interface BuildSettings extends RegistryAuthInputs {
  readonly image: Repository
  /** Absolute path of the build context. */
  readonly context: string
  /** Absolute path of the Dockerfile. */
  readonly file: string
  readonly buildArgs: ReadonlyMap<string, string>
  readonly target: string | undefined
  /** Where test-command runs when it is not the shipped image itself; undefined to test the shipped image. */
  readonly testTarget: TestTarget | undefined
  /** Network of the build's RUN instructions (host, none or a network's name); undefined for the builder's default. */
  readonly network: string | undefined
  /** Secrets, cache, attestations and the other flags build-push-action passes to the build. */
  readonly buildx: BuildxInputs
  readonly labels: ReadonlyMap<string, string>
  /** Further tags, each resolved to a full reference (a bare tag lands in `image`). */
  readonly extraTags: readonly ImageReference[]
  readonly shaFormat: 'short' | 'long'
  readonly test: TestSettings
  readonly push: boolean
  /** Push the image by digest only, no tag, for the merge sub-action to join with other platforms. */
  readonly pushByDigest: boolean
  readonly ifExists: IfExists
  readonly comment: boolean
}

const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/
const NETWORK = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/

export function getBuildSettings(env: NodeJS.ProcessEnv = process.env): BuildSettings {
  const workspace = realPath(resolve(env.GITHUB_WORKSPACE ?? process.cwd()))
  const image = imageInput(env)
  const context = pathInput('context', text('context') || '.', workspace)
  const file = dockerfileInput(context, workspace)
  const target = stageName('target')
  const testCommand = commandInput('test-command')
  return {
    image,
    context,
    file,
    buildArgs: keyValues('build-args'),
    target,
    testTarget: testTargetInput(file, target, testCommand),
    network: buildNetworkInput(),
    buildx: buildxInputs(env),
    labels: keyValues('labels', LABEL_KEY),
    extraTags: list('tags').map((tag) => extraTagInput(tag, image)),
    shaFormat: oneOf('sha-format', ['short', 'long'], 'short'),
    test: {
      command: testCommand,
      smokeTest: commandInput('smoke-test'),
      env: keyValues('test-env'),
      network: networkInput(),
      timeoutSeconds: seconds('test-timeout', 900),
      memory: memoryInput(),
      pidsLimit: pidsInput()
    },
    push: boolean('push', true),
    pushByDigest: pushByDigestInput(list('tags')),
    ifExists: oneOf('if-exists', IF_EXISTS, 'skip'),
    ...registryAuthInputs(image, env),
    comment: boolean('comment', true)
  }
}

function imageInput(env: NodeJS.ProcessEnv): Repository {
  const given = text('image')
  const value = given !== '' ? given : defaultImage(env)
  try {
    return parseRepository(value)
  } catch (error) {
    if (error instanceof InvalidReferenceError) throw new InputError('image', error.message)
    throw error
  }
}

function defaultImage(env: NodeJS.ProcessEnv): string {
  const repository = env.GITHUB_REPOSITORY
  if (repository === undefined || repository === '') {
    throw new InputError(
      'image',
      'is empty and GITHUB_REPOSITORY is not set to derive ghcr.io/<owner>/<repo>'
    )
  }
  return `ghcr.io/${repository.toLowerCase()}`
}

/**
 * Resolves a path input against the workspace and refuses one that leaves it, lexically and then
 * through symlinks: a committed `ctx -> /outside` would otherwise put host files into the image.
 */
function pathInput(name: string, value: string, workspace: string): string {
  if (value.includes('\0')) throw new InputError(name, 'contains a NUL character')
  const path = resolve(workspace, value)
  if (!isInside(workspace, path)) {
    throw new InputError(name, `'${printable(value)}' is outside the workspace ${workspace}`)
  }
  const real = realPath(path)
  if (!isInside(workspace, real)) {
    throw new InputError(
      name,
      `'${printable(value)}' is outside the workspace ${workspace} (it resolves to ${printable(real)})`
    )
  }
  if (name === 'context' && !isKind(real, 'directory')) {
    throw new InputError(name, `'${printable(value)}' is not a directory`)
  }
  if (name === 'file' && !isKind(real, 'file')) {
    throw new InputError(name, `no Dockerfile at ${path}`)
  }
  return real
}

function isInside(workspace: string, path: string): boolean {
  const inside = relative(workspace, path)
  return !(inside.startsWith('..') || isAbsolute(inside))
}

/** The path with every symlink followed; a missing path stays as it is (refused later). */
function realPath(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}

function isKind(path: string, kind: 'directory' | 'file'): boolean {
  const stat = statSync(path, { throwIfNoEntry: false })
  return kind === 'directory' ? stat?.isDirectory() === true : stat?.isFile() === true
}

function dockerfileInput(context: string, workspace: string): string {
  // path.format, not resolve(context, 'Dockerfile'): ncc would rewrite that into a bundled asset path.
  const given = text('file') || relative(workspace, format({ dir: context, base: 'Dockerfile' }))
  return pathInput('file', given, workspace)
}

function extraTagInput(value: string, image: Repository): ImageReference {
  try {
    if (!value.includes('/') && !value.includes(':') && !value.includes('@')) {
      return { repository: image, tag: parseTag(value) }
    }
    const reference = parseReference(value)
    if (reference.tag === undefined || reference.digest !== undefined) {
      throw new InvalidReferenceError(
        `'${value}' must be a tag or a reference with a tag (no digest)`
      )
    }
    return reference
  } catch (error) {
    if (error instanceof InvalidReferenceError) throw new InputError('tags', error.message)
    throw error
  }
}

/** A run that pushes by digest writes no tag: the merge job tags the joined index. */
function pushByDigestInput(tags: readonly string[]): boolean {
  const byDigest = boolean('push-by-digest', false)
  if (!byDigest) return false
  if (!boolean('push', true)) {
    throw new InputError('push-by-digest', 'needs push: true (it is a way to push)')
  }
  if (tags.length > 0) {
    throw new InputError(
      'push-by-digest',
      'pushes no tag, so tags cannot be given: give them to the merge sub-action'
    )
  }
  return true
}

function networkInput(): string {
  const network = text('test-network') || 'none'
  if (!NETWORK.test(network)) {
    throw new InputError(
      'test-network',
      `'${printable(network)}' is not a Docker network name (none, host, bridge or a network's name)`
    )
  }
  return network
}

function buildNetworkInput(): string | undefined {
  const network = text('network')
  if (network === '') return undefined
  if (!NETWORK.test(network)) {
    throw new InputError(
      'network',
      `'${printable(network)}' is not a Docker network name (host, none or a network's name)`
    )
  }
  return network
}

/** `0` or `none` lifts the limit; otherwise Docker's size syntax (512m, 4g). */
function memoryInput(): string | undefined {
  const value = text('test-memory') || '4g'
  if (value === '0' || value === 'none') return undefined
  if (!/^[1-9]\d*[bkmg]?$/i.test(value)) {
    throw new InputError(
      'test-memory',
      `'${printable(value)}' is not a size like 512m or 4g (or none)`
    )
  }
  return value.toLowerCase()
}

function pidsInput(): number | undefined {
  const value = text('test-pids-limit') || '4096'
  if (value === '0' || value === 'none') return undefined
  if (!/^[1-9]\d{0,6}$/.test(value)) {
    throw new InputError(
      'test-pids-limit',
      `'${printable(value)}' is not a whole number of processes (or none)`
    )
  }
  return Number(value)
}
