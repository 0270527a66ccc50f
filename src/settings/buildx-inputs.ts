// The build inputs docker/build-push-action users carry over (secrets, cache, attestations, flags).
import * as core from '../runner/core.js'
import { InputError } from '../errors.js'
import { csvFields, csvList } from './input-list.js'
import { boolean, printable, text } from './inputs.js'
import { platformsInput } from './platforms.js'
import type { Platform } from '../registry/platform.js'

/** A BuildKit secret (`RUN --mount=type=secret,id=…`) whose value the action holds. */
export interface BuildSecret {
  readonly id: string
  readonly value: string
}

/** A BuildKit secret read by buildx from one of the step's environment variables. */
export interface EnvSecret {
  readonly id: string
  readonly envName: string
}

export interface BuildxInputs {
  readonly secrets: readonly BuildSecret[]
  readonly secretEnvs: readonly EnvSecret[]
  /** buildx `--cache-from` values, as written. */
  readonly cacheFrom: readonly string[]
  /** buildx `--cache-to` values, as written. */
  readonly cacheTo: readonly string[]
  /** `name=source` values of `--build-context`. */
  readonly buildContexts: readonly string[]
  /** `--ssh` values (`default`, or `id=socket-or-key`). */
  readonly ssh: readonly string[]
  /** The `--attest type=provenance,…` attributes; undefined leaves buildx's default. */
  readonly provenance: string | undefined
  /** The `--attest type=sbom,…` attributes; undefined for no SBOM. */
  readonly sbom: string | undefined
  readonly pull: boolean
  readonly noCache: boolean
  /** `--shm-size` of the RUN instructions, e.g. 2g. */
  readonly shmSize: string | undefined
  /** `--ulimit` values, e.g. nofile=1024:1024. */
  readonly ulimits: readonly string[]
  /** `--add-host` values, host:ip. */
  readonly addHosts: readonly string[]
  /** `--platform` of the shipped build; empty for the engine's own platform only. */
  readonly platforms: readonly Platform[]
}

const SECRET_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
const CACHE_TYPES = ['registry', 'local', 'inline', 'gha', 's3', 'azblob']
/** Cache attributes that hold a credential: on docker's command line any process could read it. */
const CREDENTIAL_ATTRIBUTES = ['token', 'ghtoken', 'secret_access_key', 'session_token']
const ULIMIT = /^[a-z]+=-?\d+(:-?\d+)?$/
const ADD_HOST = /^[A-Za-z0-9][A-Za-z0-9_.-]*[:=]\S+$/
const BUILD_CONTEXT = /^[A-Za-z0-9][A-Za-z0-9_./:-]*=\S.*$/
const SIZE = /^[1-9]\d*[bkmg]?$/i

export function buildxInputs(env: NodeJS.ProcessEnv): BuildxInputs {
  const secrets = secretsInput()
  const secretEnvs = secretEnvsInput(secrets, env)
  const cacheFrom = cacheInput('cache-from')
  const cacheTo = cacheInput('cache-to')
  if ([...cacheFrom, ...cacheTo].some(isGhaCache)) maskRuntimeToken(env)
  return {
    secrets,
    secretEnvs,
    cacheFrom,
    cacheTo,
    buildContexts: patterned('build-contexts', BUILD_CONTEXT, 'name=source', true),
    ssh: sshInput(),
    provenance: provenanceInput(env),
    sbom: sbomInput(),
    pull: boolean('pull', false),
    noCache: boolean('no-cache', false),
    shmSize: shmSizeInput(),
    ulimits: patterned('ulimit', ULIMIT, 'name=soft[:hard], e.g. nofile=1024:1024', true),
    addHosts: patterned('add-hosts', ADD_HOST, 'host:ip, e.g. registry.local:10.0.0.5', false),
    platforms: platformsInput()
  }
}

/**
 * `id=value` items; a value may hold `=`, commas and line breaks (quote the item for those). Each
 * value is masked at once; no error quotes one.
 */
function secretsInput(): BuildSecret[] {
  const secrets = csvList('secrets', { ignoreComma: true, keepWhitespace: true }).map(
    (item, index) => {
      const separator = item.indexOf('=')
      const id = separator === -1 ? '' : item.slice(0, separator).trim()
      const value = separator === -1 ? '' : item.slice(separator + 1)
      if (value !== '') maskSecret(value)
      if (separator === -1 || value === '') {
        throw new InputError('secrets', `item ${index + 1} is not id=value (it has no value)`)
      }
      if (!SECRET_ID.test(id)) {
        throw new InputError('secrets', `item ${index + 1}: '${printable(id)}' is not a secret id`)
      }
      return { id, value }
    }
  )
  refuseRepeatedIds('secrets', secrets)
  return secrets
}

function secretEnvsInput(secrets: readonly BuildSecret[], env: NodeJS.ProcessEnv): EnvSecret[] {
  const given = csvList('secret-envs').map((item, index) => {
    const [id = '', envName = '', ...rest] = item.split('=').map((part) => part.trim())
    if (rest.length > 0 || !SECRET_ID.test(id) || !ENV_NAME.test(envName)) {
      throw new InputError(
        'secret-envs',
        `item ${index + 1}: '${printable(item)}' is not id=ENV_NAME, e.g. npm_token=NPM_TOKEN`
      )
    }
    const value = env[envName]
    if (value !== undefined && value !== '') maskSecret(value)
    return { id, envName }
  })
  refuseRepeatedIds('secret-envs', [...secrets, ...given])
  return given
}

function refuseRepeatedIds(name: string, secrets: readonly { id: string }[]): void {
  const seen = new Set<string>()
  for (const { id } of secrets) {
    if (seen.has(id)) throw new InputError(name, `the secret id '${id}' is given more than once`)
    seen.add(id)
  }
}

/** A multi-line value is masked line by line too: the runner matches masks within one line. */
function maskSecret(value: string): void {
  core.setSecret(value)
  for (const line of value.split(/\r?\n/)) if (line.trim() !== '') core.setSecret(line)
}

/** Items as buildx takes them: `type=…,key=value,…`, or a bare reference for a registry cache. */
function cacheInput(name: string): string[] {
  return csvList(name, { ignoreComma: true }).map((item) => {
    const fields = csvFields(item)
    if (fields.length === 1 && !(fields[0] ?? '').includes('=')) return item
    for (const field of fields) {
      const [key, value] = splitField(field)
      if (value === undefined) {
        throw new InputError(name, `'${printable(item)}': '${printable(field)}' is not key=value`)
      }
      if (key === 'type' && !CACHE_TYPES.includes(value)) {
        throw new InputError(
          name,
          `'${printable(value)}' is not a cache type: expected one of ${CACHE_TYPES.join(', ')}`
        )
      }
      if (CREDENTIAL_ATTRIBUTES.includes(key)) {
        // The item is not quoted: it holds the credential.
        throw new InputError(
          name,
          `the ${key} attribute would put a credential on docker's command line: leave it out, buildx reads it from the environment (ACTIONS_RUNTIME_TOKEN for type=gha, AWS_* for type=s3)`
        )
      }
    }
    if (!fields.some((field) => field.startsWith('type='))) {
      throw new InputError(name, `'${printable(item)}' names no type= (e.g. type=registry,ref=…)`)
    }
    return item
  })
}

function splitField(field: string): [string, string | undefined] {
  const separator = field.indexOf('=')
  if (separator === -1) return [field, undefined]
  return [field.slice(0, separator).trim(), field.slice(separator + 1).trim()]
}

function isGhaCache(item: string): boolean {
  return csvFields(item).includes('type=gha')
}

/** buildx hands the runner's cache token to BuildKit itself; it must not show in BuildKit's log. */
function maskRuntimeToken(env: NodeJS.ProcessEnv): void {
  const token = env.ACTIONS_RUNTIME_TOKEN
  if (token !== undefined && token !== '') core.setSecret(token)
}

function sshInput(): string[] {
  return csvList('ssh').map((item) => {
    if (/\s/.test(item) || item.startsWith('=') || item.endsWith('=')) {
      throw new InputError('ssh', `'${printable(item)}' is not default or id=socket-or-key-path`)
    }
    return item
  })
}

function patterned(name: string, pattern: RegExp, form: string, ignoreComma: boolean): string[] {
  return csvList(name, { ignoreComma }).map((item) => {
    if (!pattern.test(item)) throw new InputError(name, `'${printable(item)}' is not ${form}`)
    return item
  })
}

function shmSizeInput(): string | undefined {
  const value = text('shm-size')
  if (value === '') return undefined
  if (!SIZE.test(value)) {
    throw new InputError('shm-size', `'${printable(value)}' is not a size like 64m or 2g`)
  }
  return value.toLowerCase()
}

const TRUE_WORDS = ['true', 'True', 'TRUE']
const FALSE_WORDS = ['false', 'False', 'FALSE']

/**
 * As build-push-action: true records this run as the builder (`builder-id=<run URL>`), false turns
 * provenance off, anything else is buildx's attributes (mode=max, …), given a builder-id if none.
 */
function provenanceInput(env: NodeJS.ProcessEnv): string | undefined {
  const value = text('provenance')
  if (value === '') return undefined
  const builderId = `builder-id=${workflowRunUrl(env)}`
  if (TRUE_WORDS.includes(value)) return attestationAttributes(builderId)
  if (FALSE_WORDS.includes(value)) return attestationAttributes('false')
  const attributes = attestationAttributes(value, 'provenance')
  return csvFields(attributes).some((field) => splitField(field)[0] === 'builder-id')
    ? attributes
    : `${attributes},${builderId}`
}

function sbomInput(): string | undefined {
  const value = text('sbom')
  return value === '' ? undefined : attestationAttributes(value, 'sbom')
}

/**
 * buildx's attestation attributes, with a bare true/false turned into `disabled=…` as buildx's own
 * flag parsing does.
 */
function attestationAttributes(value: string, name?: string): string {
  return csvFields(value)
    .map((field) => {
      if (TRUE_WORDS.includes(field)) return 'disabled=false'
      if (FALSE_WORDS.includes(field)) return 'disabled=true'
      if (name !== undefined && (!field.includes('=') || field.startsWith('type='))) {
        throw new InputError(
          name,
          `'${printable(field)}' is not true, false or an attribute key=value (e.g. mode=max)`
        )
      }
      return field
    })
    .join(',')
}

function workflowRunUrl(env: NodeJS.ProcessEnv): string {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
  return `${server}/${env.GITHUB_REPOSITORY ?? ''}/actions/runs/${env.GITHUB_RUN_ID ?? ''}/attempts/${env.GITHUB_RUN_ATTEMPT ?? '1'}`
}

/**
 * The inputs the classic builder cannot honour, in action.yml order: each needs BuildKit through
 * buildx.
 */
export function buildxOnlyInputs(inputs: BuildxInputs): string[] {
  const given: [string, boolean][] = [
    ['secrets', inputs.secrets.length > 0],
    ['secret-envs', inputs.secretEnvs.length > 0],
    ['cache-from', inputs.cacheFrom.length > 0],
    ['cache-to', inputs.cacheTo.length > 0],
    ['build-contexts', inputs.buildContexts.length > 0],
    ['ssh', inputs.ssh.length > 0],
    ['provenance', asksForAttestation(inputs.provenance)],
    ['sbom', asksForAttestation(inputs.sbom)],
    ['platforms', inputs.platforms.length > 0]
  ]
  return given.filter(([, set]) => set).map(([name]) => name)
}

/** `provenance: false` asks for nothing the classic builder would make anyway. */
function asksForAttestation(attributes: string | undefined): boolean {
  return attributes !== undefined && attributes !== 'disabled=true'
}

/** Throws one line naming the first input the classic builder cannot honour. */
export function requireBuilderFor(inputs: BuildxInputs, buildx: boolean): void {
  if (buildx) return
  const [first] = buildxOnlyInputs(inputs)
  if (first === undefined) return
  throw new InputError(
    first,
    'needs docker buildx (BuildKit), and this runner has only the classic builder: install the buildx plugin (docker/setup-buildx-action) or leave the input out'
  )
}
