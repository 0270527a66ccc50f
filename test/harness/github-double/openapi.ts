// Checks the double's requests and responses against api.github.com's official OpenAPI description.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

interface Parameter {
  readonly name: string
  readonly in: 'path' | 'query' | 'header' | 'cookie'
  readonly required?: boolean
  readonly schema: JsonObject
}

/** What one side of one exchange must look like, checked lazily and compiled once. */
export interface OperationContract {
  readonly operationId: string
  /** Where GitHub's errors for this operation point, as documentation_url. */
  readonly documentationUrl: string
  /** Problems with the request: path and query parameters, then the JSON body. */
  checkRequest(
    params: Readonly<Record<string, string>>,
    query: URLSearchParams,
    body: unknown
  ): string[]
  checkResponse(status: number, body: unknown): string[]
}

const require = createRequire(import.meta.url)
let description: JsonObject | undefined
const contracts = new Map<string, OperationContract>()
const validators = new Map<string, ValidateFunction>()

// The description's own formats; the ones a double could get wrong are checked, the rest accepted.
function withGitHubFormats(ajv: Ajv): Ajv {
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/)
  // GitHub sends '' for a URL never set (a status's target_url), which its description calls a uri.
  ajv.addFormat('uri', { validate: (value: string) => value === '' || URL.canParse(value) })
  ajv.addFormat('email', /^[^@\s]+@[^@\s]+$/)
  for (const lenient of [
    'int64',
    'int32',
    'double',
    'repo.nwo',
    'binary',
    'date',
    'uri-template',
    'timestamp'
  ]) {
    ajv.addFormat(lenient, true)
  }
  return ajv
}

const ajv = withGitHubFormats(new Ajv({ strict: false, allErrors: false }))
// Query and path values arrive as text: coerce them to the parameter's type before checking.
const ajvForParameters = withGitHubFormats(new Ajv({ strict: false, coerceTypes: true }))

/** The 13 MB description, parsed once per process and only when a check first needs it. */
function openApi(): JsonObject {
  description ??= JSON.parse(
    readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8')
  ) as JsonObject
  return description
}

function lookup(pointer: string): Json {
  let node: Json = openApi()
  for (const part of pointer.replace(/^#\//, '').split('/')) {
    node = (node as JsonObject)[part.replaceAll('~1', '/').replaceAll('~0', '~')] ?? null
  }
  return node
}

const COMPONENT_SCHEMA = /^#\/components\/schemas\/(.+)$/
const registered = new Set<string>()

/**
 * Resolves $refs and rewrites OpenAPI 3.0's `nullable`, which plain JSON Schema lacks, as "null or
 * the schema". With `share`, a component schema (a user, a deployment) is registered with ajv once
 * and referred to, so it is compiled once for every operation that embeds it and cycles are fine;
 * without, every $ref is inlined (a cycle becomes `{}`, accepting anything).
 */
function resolve(node: Json, share: boolean, seen: readonly string[] = []): Json {
  if (Array.isArray(node)) return node.map((item) => resolve(item, share, seen))
  if (node === null || typeof node !== 'object') return node
  const ref = node.$ref
  if (typeof ref === 'string') {
    const component = COMPONENT_SCHEMA.exec(ref)?.[1]
    if (share && component !== undefined) return { $ref: sharedSchema(component) }
    return seen.includes(ref) ? {} : resolve(lookup(ref), share, [...seen, ref])
  }
  const copy: JsonObject = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples' || key === 'description') continue
    copy[key] = key === 'properties' ? resolveEach(value, share, seen) : resolve(value, share, seen)
  }
  if (copy.nullable !== true) return copy
  delete copy.nullable
  return { anyOf: [{ type: 'null' }, copy] }
}

/** A properties map: its keys are names, not keywords, so none is skipped. */
function resolveEach(properties: Json, share: boolean, seen: readonly string[]): Json {
  return Object.fromEntries(
    Object.entries(properties as JsonObject).map(([name, schema]) => [
      name,
      resolve(schema, share, seen)
    ])
  )
}

function sharedSchema(component: string): string {
  const key = `github-${component}`
  if (!registered.has(key)) {
    registered.add(key)
    ajv.addSchema(resolve(lookup(`#/components/schemas/${component}`), true) as object, key)
  }
  return key
}

function compiled(key: string, make: () => Json, engine: Ajv = ajv): ValidateFunction {
  let validate = validators.get(key)
  if (validate === undefined) {
    validate = engine.compile(make() as object)
    validators.set(key, validate)
  }
  return validate
}

function explain(where: string, errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const extra =
      error.keyword === 'additionalProperties'
        ? ` (${String((error.params as { additionalProperty?: string }).additionalProperty)})`
        : error.keyword === 'enum'
          ? ` (${JSON.stringify((error.params as { allowedValues?: unknown }).allowedValues)})`
          : ''
    return `${where}${error.instancePath || ''}: ${error.message ?? error.keyword}${extra}`
  })
}

function parametersSchema(parameters: readonly Parameter[], place: 'path' | 'query'): Json {
  const own = parameters.filter((parameter) => parameter.in === place)
  return {
    type: 'object',
    properties: Object.fromEntries(own.map((p) => [p.name, resolve(p.schema, false)])),
    required: own.filter((p) => p.required === true).map((p) => p.name),
    additionalProperties: false
  }
}

function requestBodySchema(operation: JsonObject): Json | undefined {
  const body = resolve(operation.requestBody ?? null, true) as JsonObject | null
  const schema = (body?.content as JsonObject | undefined)?.['application/json'] as
    JsonObject | undefined
  if (schema?.schema === undefined) return undefined
  const top = schema.schema as JsonObject
  // GitHub ignores fields it does not know; the double refuses them so a misspelt field shows.
  return top.type === 'object' && top.additionalProperties === undefined
    ? { ...top, additionalProperties: false }
    : top
}

/** The schema a response must meet; undefined when the status is not documented, null for no body. */
function responseSchema(operation: JsonObject, status: number): Json | undefined {
  const responses = operation.responses as JsonObject
  const documented = responses[String(status)]
  if (documented === undefined) {
    // Any operation can answer an error the description leaves out (401, 403, 404, 5xx).
    if (status < 400) return undefined
    return resolve(
      { $ref: `#/components/schemas/${status === 422 ? 'validation-error' : 'basic-error'}` },
      true
    )
  }
  const content = (resolve(documented, true) as JsonObject).content as JsonObject | undefined
  const json = content?.['application/json'] as JsonObject | undefined
  return json?.schema ?? null
}

function makeContract(method: string, template: string): OperationContract {
  const item = (openApi().paths as JsonObject)[template] as JsonObject | undefined
  const operation = item?.[method.toLowerCase()] as JsonObject | undefined
  if (operation === undefined) {
    throw new Error(`${method} ${template} is not in api.github.com's description`)
  }
  const id = operation.operationId
  const operationId = typeof id === 'string' ? id : `${method} ${template}`
  const parameters = resolve(operation.parameters ?? [], false) as unknown as Parameter[]
  const docs = (operation.externalDocs as JsonObject | undefined)?.url
  let bodySchema: { schema: Json | undefined } | undefined
  const statusSchemas = new Map<number, Json | undefined>()
  return {
    operationId,
    documentationUrl: typeof docs === 'string' ? docs : 'https://docs.github.com/rest',
    checkRequest(params, query, body) {
      const problems: string[] = []
      for (const place of ['path', 'query'] as const) {
        const validate = compiled(
          `${operationId} ${place}`,
          () => parametersSchema(parameters, place),
          ajvForParameters
        )
        const values = place === 'path' ? { ...params } : Object.fromEntries(query)
        if (!validate(values)) problems.push(...explain(`${place} parameters`, validate.errors))
      }
      bodySchema ??= { schema: requestBodySchema(operation) }
      const { schema } = bodySchema
      if (schema === undefined) {
        if (body !== undefined) problems.push('request: this operation takes no body')
      } else {
        const validate = compiled(`${operationId} request`, () => schema)
        if (!validate(body)) problems.push(...explain('request body', validate.errors))
      }
      return problems.map((problem) => `${operationId}: ${problem}`)
    },
    checkResponse(status, body) {
      if (!statusSchemas.has(status)) statusSchemas.set(status, responseSchema(operation, status))
      const schema = statusSchemas.get(status)
      if (schema === undefined) return [`${operationId}: status ${status} is not documented`]
      if (schema === null) {
        return body === undefined ? [] : [`${operationId}: status ${status} documents no body`]
      }
      const validate = compiled(`${operationId} ${status}`, () => schema)
      return validate(body) ? [] : explain(`${operationId}: response ${status}`, validate.errors)
    }
  }
}

/** The contract of `METHOD /path/{template}` as api.github.com describes it. */
export function operationContract(method: string, template: string): OperationContract {
  const key = `${method} ${template}`
  let contract = contracts.get(key)
  if (contract === undefined) {
    contract = makeContract(method, template)
    contracts.set(key, contract)
  }
  return contract
}
