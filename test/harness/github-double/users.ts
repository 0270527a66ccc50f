// GET /user: a person's token learns who it is; an installation token (GITHUB_TOKEN, an App's) is refused.
import { ApiError, type Call, type Reply, type Route } from './router.js'
import { authenticatedUserJson } from './shapes.js'
import { refusal } from './tokens.js'

function authenticatedUser(call: Call): Reply {
  if (call.grant.kind === 'installation') throw new ApiError(403, refusal(call.grant))
  return { status: 200, body: authenticatedUserJson(call.grant.identity, call.store.base) }
}

export const userRoutes: readonly Route[] = [
  { method: 'GET', template: '/user', handle: authenticatedUser }
]
