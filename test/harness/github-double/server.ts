// Answers one request as api.github.com would, and checks both sides against GitHub's description.
import { createHash } from 'node:crypto'
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http'
import { deploymentRoutes } from './deployments.js'
import { issueCommentRoutes } from './issue-comments.js'
import { operationContract, type OperationContract } from './openapi.js'
import { ApiError, errorBody, pattern, type Reply, type Route } from './router.js'
import type { RecordedRequest, Store } from './store.js'
import { acceptedPermissions, allows, refusal, tokenOf, type TokenGrant } from './tokens.js'
import { userRoutes } from './users.js'

export interface Fault {
  readonly method?: string
  /** A string matches the path without its query; a RegExp is tested against path and query. */
  readonly path?: string | RegExp
  readonly status: number
  readonly headers?: Readonly<Record<string, string>>
  /** An object is sent as JSON, a string as it is; GitHub's error shape by default. */
  readonly body?: unknown
  /** How many matching requests fail; 1 by default. */
  readonly times?: number
}

export interface DoubleState {
  readonly store: Store
  readonly tokens: Map<string, TokenGrant>
  readonly requests: RecordedRequest[]
  /** Requests and responses that do not match api.github.com's description. */
  readonly violations: string[]
  readonly faults: { fault: Fault; remaining: number }[]
  rateLimitUsed: number
  readonly rateLimitReset: number
}

export const REST_DOCS = 'https://docs.github.com/rest'
const RATE_LIMIT = 5000
const ROUTES = [...issueCommentRoutes, ...deploymentRoutes, ...userRoutes].map((route) => ({
  route,
  pattern: pattern(route.template)
}))

function standardHeaders(state: DoubleState): Record<string, string> {
  const id = createHash('sha1').update(String(state.requests.length)).digest('hex').toUpperCase()
  return {
    'x-github-request-id': `${id.slice(0, 4)}:${id.slice(4, 8)}:${id.slice(8, 15)}:${id.slice(15, 22)}:${id.slice(22, 30)}`,
    'x-github-api-version-selected': '2022-11-28',
    'x-github-media-type': 'github.v3; format=json',
    'x-ratelimit-limit': String(RATE_LIMIT),
    'x-ratelimit-remaining': String(Math.max(0, RATE_LIMIT - state.rateLimitUsed)),
    'x-ratelimit-reset': String(state.rateLimitReset),
    'x-ratelimit-used': String(state.rateLimitUsed),
    'x-ratelimit-resource': 'core'
  }
}

export function send(res: ServerResponse, state: DoubleState, reply: Reply): void {
  const headers: Record<string, string> = standardHeaders(state)
  let text = ''
  if (reply.status !== 204 && reply.body !== undefined) {
    headers['content-type'] = 'application/json; charset=utf-8'
    text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body)
  }
  res.writeHead(reply.status, { ...headers, ...reply.headers })
  res.end(text)
}

function takeFault(
  state: DoubleState,
  method: string,
  paths: readonly string[]
): Fault | undefined {
  const entry = state.faults.find(({ fault }) => {
    if (fault.method !== undefined && fault.method.toUpperCase() !== method) return false
    if (fault.path === undefined) return true
    const path = fault.path
    return typeof path === 'string' ? paths.includes(path) : paths.some((p) => path.test(p))
  })
  if (entry === undefined) return undefined
  entry.remaining -= 1
  if (entry.remaining <= 0) state.faults.splice(state.faults.indexOf(entry), 1)
  return entry.fault
}

function faultReply(fault: Fault): Reply {
  const message = STATUS_CODES[fault.status] ?? 'Error'
  return {
    status: fault.status,
    body: fault.body ?? errorBody(fault.status, message, REST_DOCS),
    headers: fault.headers
  }
}

/** /repositories/{id}/… (the form GitHub's Link headers use) as /repos/{owner}/{repo}/…. */
function canonicalPath(store: Store, pathname: string): string {
  const match = /^\/repositories\/(\d+)(\/.*)?$/.exec(pathname)
  if (match === null) return pathname
  for (const repository of store.repositories.values()) {
    if (repository.id === Number(match[1])) {
      return `/repos/${repository.owner}/${repository.repo}${match[2] ?? ''}`
    }
  }
  return pathname
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

interface Matched {
  readonly route: Route
  readonly params: Record<string, string>
  readonly contract: OperationContract
}

function match(method: string, pathname: string): Matched | undefined {
  for (const candidate of ROUTES) {
    const found = candidate.route.method === method ? candidate.pattern.exec(pathname) : null
    if (found === null) continue
    const { route } = candidate
    return {
      route,
      params: { ...found.groups },
      contract: operationContract(route.method, route.template)
    }
  }
  return undefined
}

/** Every answer after routing: refusals, the request's own check, then the handler. */
function answer(
  state: DoubleState,
  matched: Matched,
  grant: TokenGrant,
  url: URL,
  pathname: string,
  parsed: ReturnType<typeof parseJson> | undefined
): Reply {
  const { route, params, contract } = matched
  const repository =
    params.owner === undefined
      ? undefined
      : state.store.repositories.get(`${params.owner}/${params.repo ?? ''}`)
  if (params.owner !== undefined && repository === undefined) throw new ApiError(404, 'Not Found')
  if (route.need !== undefined && !allows(grant, route.need)) {
    throw new ApiError(403, refusal(grant), undefined, {
      'x-accepted-github-permissions': acceptedPermissions(route.need)
    })
  }
  if (parsed !== undefined && !parsed.ok) throw new ApiError(400, 'Problems parsing JSON')
  const problems = contract.checkRequest(params, url.searchParams, parsed?.value)
  if (problems.length > 0) {
    state.violations.push(...problems.map((problem) => `request ${problem}`))
    throw new ApiError(422, `Invalid request.\n\n${problems.join('\n')}`)
  }
  const body = parsed?.value
  return route.handle({
    store: state.store,
    repository,
    params,
    query: url.searchParams,
    pathname,
    body: typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {},
    grant
  })
}

export function dispatch(state: DoubleState, req: IncomingMessage, text: string): Reply {
  const method = (req.method ?? 'GET').toUpperCase()
  const url = new URL(req.url ?? '/', state.store.base)
  const pathname = canonicalPath(state.store, decodeURI(url.pathname))
  const parsed = text === '' ? undefined : parseJson(text)
  state.requests.push({
    method,
    path: url.pathname + url.search,
    headers: req.headers,
    body: parsed === undefined ? undefined : parsed.ok ? parsed.value : text
  })

  const fault = takeFault(state, method, [url.pathname, pathname, url.pathname + url.search])
  if (fault !== undefined) return faultReply(fault)

  const matched = match(method, pathname)
  if (matched === undefined) {
    state.violations.push(`${method} ${url.pathname}: no such route in the double`)
    return { status: 404, body: errorBody(404, 'Not Found', REST_DOCS) }
  }
  const grant = state.tokens.get(tokenOf(req.headers.authorization) ?? '')
  let reply: Reply
  if (grant === undefined) {
    reply = { status: 401, body: errorBody(401, 'Bad credentials', REST_DOCS) }
  } else {
    state.rateLimitUsed += 1
    try {
      reply = answer(state, matched, grant, url, pathname, parsed)
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      const docs = matched.contract.documentationUrl
      reply = {
        status: error.status,
        body: errorBody(error.status, error.message, docs, error.errors),
        headers: error.headers
      }
    }
  }
  const problems = matched.contract.checkResponse(reply.status, reply.body)
  state.violations.push(...problems.map((problem) => `response ${problem}`))
  return reply
}
