// One comment per image per pull request, found again by its marker and its author, updated in place.
import type { CommentThread, ThreadComment, TokenIdentity } from './comment-thread.js'

export interface PostedComment {
  readonly id: number
  readonly url: string
  readonly created: boolean
}

/**
 * A comment is ours when our token wrote it and it opens with our marker. Anyone can post the
 * marker; counting only our own comments keeps a planted one from being edited or deleted.
 */
export function isOwnStickyComment(
  comment: Pick<ThreadComment, 'body' | 'author'>,
  marker: string,
  self: TokenIdentity
): boolean {
  return comment.author?.id === self.id && comment.body.startsWith(marker)
}

/** Creates the comment, or updates our own that carries the marker (searching every page). */
export async function upsertStickyComment(
  thread: CommentThread,
  marker: string,
  body: string
): Promise<PostedComment> {
  const self = await thread.identity()
  const [existing] = await ownComments(thread, marker, self)
  if (existing !== undefined) {
    const updated = await thread.update(existing, body)
    return { id: updated.id, url: updated.url, created: false }
  }
  const created = await thread.create(body)
  // The comment we wrote names who we are: another App's token is not the bot we assumed, and
  // settling with its true name finds the comment it left on an earlier run.
  const author = created.author ?? self
  return (
    (await settleRace(thread, marker, body, author)) ?? {
      id: created.id,
      url: created.url,
      created: true
    }
  )
}

/**
 * Two runs on one pull request can both find no comment and both create one. Whoever looks
 * afterwards keeps our oldest, gives it the newest body and deletes our others: both runs agree.
 */
export async function settleRace(
  thread: CommentThread,
  marker: string,
  body: string,
  self: TokenIdentity
): Promise<PostedComment | undefined> {
  const [keep, ...duplicates] = await ownComments(thread, marker, self)
  if (keep === undefined || duplicates.length === 0) return undefined
  for (const duplicate of duplicates) await thread.remove(duplicate)
  const updated = await thread.update(keep, body)
  return { id: updated.id, url: updated.url, created: false }
}

/** The ids of our own comments carrying the marker, oldest first. */
async function ownComments(
  thread: CommentThread,
  marker: string,
  self: TokenIdentity
): Promise<number[]> {
  const comments = await thread.list()
  return comments
    .filter((comment) => isOwnStickyComment(comment, marker, self))
    .map((comment) => comment.id)
    .sort((a, b) => a - b)
}
