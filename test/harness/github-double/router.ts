// What a route of the double is, what it receives and answers, and the errors GitHub answers with.
import type { Store, StoredRepository } from './store.js'
import type { Need, TokenGrant } from './tokens.js'

export interface Call {
  readonly store: Store
  /** The repository a /repos/{owner}/{repo}/… route names; the router answers 404 when unknown. */
  readonly repository: StoredRepository | undefined
  readonly params: Readonly<Record<string, string>>
  readonly query: URLSearchParams
  /** The path as /repos/{owner}/{repo}/…, whichever form the request used. */
  readonly pathname: string
  readonly body: Readonly<Record<string, unknown>>
  readonly grant: TokenGrant
}

export interface Reply {
  readonly status: number
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
}

export interface Route {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** The path as api.github.com's description writes it, e.g. /repos/{owner}/{repo}/deployments. */
  readonly template: string
  /** The permission a token needs here; none for routes about the token itself. */
  readonly need?: Need
  readonly handle: (call: Call) => Reply
}

/** An error GitHub would answer with; the router adds the operation's documentation_url. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: readonly Record<string, unknown>[],
    readonly headers?: Readonly<Record<string, string>>
  ) {
    super(message)
  }
}

export function notFound(): ApiError {
  return new ApiError(404, 'Not Found')
}

export function validationFailed(
  resource: string,
  field: string,
  code: string,
  message: string
): ApiError {
  return new ApiError(422, 'Validation Failed', [{ resource, code, field, message }])
}

export function errorBody(
  status: number,
  message: string,
  docs: string,
  errors?: unknown
): unknown {
  return {
    message,
    ...(errors === undefined ? {} : { errors }),
    documentation_url: docs,
    status: String(status)
  }
}

export function pattern(template: string): RegExp {
  return new RegExp(`^${template.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`)
}

export function inRepository(call: Call): StoredRepository {
  if (call.repository === undefined) throw notFound()
  return call.repository
}

/** A path parameter that must be a number; anything else names nothing, so 404. */
export function numberParam(call: Call, name: string): number {
  const value = Number(call.params[name])
  if (!Number.isSafeInteger(value)) throw notFound()
  return value
}

/** The item of this call's repository that the path parameter `name` identifies, else 404. */
export function findInRepository<T extends { readonly id: number; owner: string; repo: string }>(
  call: Call,
  items: readonly T[],
  name: string
): T {
  const { owner, repo } = inRepository(call)
  const id = numberParam(call, name)
  const item = items.find((each) => each.id === id && each.owner === owner && each.repo === repo)
  if (item === undefined) throw notFound()
  return item
}

export function newestFirst<T extends { readonly id: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.id - a.id)
}

/** One page of `items`, with the Link header GitHub sends: prev, next, last, first. */
export function paginated(call: Call, items: readonly unknown[]): Reply {
  const requested = Number(call.query.get('per_page') ?? 30)
  const perPage = Number.isInteger(requested) && requested > 0 ? Math.min(requested, 100) : 30
  const askedPage = Number(call.query.get('page') ?? 1)
  const page = Number.isInteger(askedPage) && askedPage > 0 ? askedPage : 1
  const lastPage = Math.max(1, Math.ceil(items.length / perPage))
  const repository = inRepository(call)
  const rest = call.pathname.slice(`/repos/${repository.owner}/${repository.repo}`.length)
  // GitHub's links name the repository by id, as /repositories/{id}/….
  const link = (target: number, rel: string): string => {
    const query = new URLSearchParams(call.query)
    query.set('page', String(target))
    return `<${call.store.base}/repositories/${repository.id}${rest}?${query.toString()}>; rel="${rel}"`
  }
  const links = [
    page > 1 ? link(page - 1, 'prev') : undefined,
    page < lastPage ? link(page + 1, 'next') : undefined,
    page < lastPage ? link(lastPage, 'last') : undefined,
    page > 1 ? link(1, 'first') : undefined
  ].filter((value) => value !== undefined)
  return {
    status: 200,
    body: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {}
  }
}
