// Pull-request comments: list, create, update and delete, each comment owned by the token that wrote it.
import {
  findInRepository,
  inRepository,
  notFound,
  numberParam,
  paginated,
  validationFailed,
  type Call,
  type Reply,
  type Route
} from './router.js'
import { commentJson } from './shapes.js'
import { timestamp, type StoredComment } from './store.js'
import type { Need } from './tokens.js'

const MAX_COMMENT_LENGTH = 65536
// A pull request is an issue: either permission opens its comments, as GitHub documents.
const READ: Need = { scopes: ['issues', 'pull-requests'], access: 'read' }
const WRITE: Need = { scopes: ['issues', 'pull-requests'], access: 'write' }

/** The issue's number, when the repository has it; an issue that does not exist is a 404. */
function issueNumber(call: Call): number {
  const number = numberParam(call, 'issue_number')
  if (!inRepository(call).pullRequests.has(number)) throw notFound()
  return number
}

function listComments(call: Call): Reply {
  const { owner, repo } = inRepository(call)
  const number = issueNumber(call)
  const since = call.query.get('since')
  const comments = call.store.comments
    .filter((c) => c.owner === owner && c.repo === repo && c.issueNumber === number)
    .filter((c) => since === null || c.updatedAt >= since)
    .sort((a, b) => a.id - b.id)
  return paginated(
    call,
    comments.map((c) => commentJson(c, call.store.base))
  )
}

function commentBody(call: Call): string {
  const body = String(call.body.body)
  if (body.length > MAX_COMMENT_LENGTH) {
    throw validationFailed(
      'IssueComment',
      'data',
      'unprocessable',
      `Body is too long (maximum is ${MAX_COMMENT_LENGTH} characters)`
    )
  }
  return body
}

function createComment(call: Call): Reply {
  const { owner, repo } = inRepository(call)
  const now = timestamp()
  const comment: StoredComment = {
    id: ++call.store.ids.comment,
    owner,
    repo,
    issueNumber: issueNumber(call),
    body: commentBody(call),
    user: call.grant.identity,
    createdAt: now,
    updatedAt: now
  }
  call.store.comments.push(comment)
  const json = commentJson(comment, call.store.base)
  return { status: 201, body: json, headers: { location: String(json.url) } }
}

function findComment(call: Call): StoredComment {
  return findInRepository(call, call.store.comments, 'comment_id')
}

/** Any token that may write edits or deletes anyone's comment, as GitHub allows a maintainer. */
function updateComment(call: Call): Reply {
  const comment = findComment(call)
  comment.body = commentBody(call)
  comment.updatedAt = timestamp()
  return { status: 200, body: commentJson(comment, call.store.base) }
}

function deleteComment(call: Call): Reply {
  const comment = findComment(call)
  call.store.comments.splice(call.store.comments.indexOf(comment), 1)
  return { status: 204 }
}

const REPO = '/repos/{owner}/{repo}'

export const issueCommentRoutes: readonly Route[] = [
  {
    method: 'GET',
    template: `${REPO}/issues/{issue_number}/comments`,
    need: READ,
    handle: listComments
  },
  {
    method: 'POST',
    template: `${REPO}/issues/{issue_number}/comments`,
    need: WRITE,
    handle: createComment
  },
  {
    method: 'PATCH',
    template: `${REPO}/issues/comments/{comment_id}`,
    need: WRITE,
    handle: updateComment
  },
  {
    method: 'DELETE',
    template: `${REPO}/issues/comments/{comment_id}`,
    need: WRITE,
    handle: deleteComment
  }
]
