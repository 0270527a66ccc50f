// An in-memory pull-request thread: comments in creation order, and a hook to interleave another run.
import type {
  CommentThread,
  ThreadComment,
  TokenIdentity
} from '../../../src/github/comment-thread.js'

export class FakeCommentThread implements CommentThread {
  comments: ThreadComment[] = []
  readonly removed: number[] = []
  readonly updated: number[] = []
  /** Runs once right after our next create, as if another run acted at that moment. */
  afterCreate: (() => void) | undefined
  private nextId = 100

  constructor(readonly self: TokenIdentity) {}

  /** A comment written by someone (another run of ours, or another account). */
  post(author: TokenIdentity, body: string): ThreadComment {
    const comment = { id: this.nextId++, url: `https://github.test/c/${this.nextId}`, body, author }
    this.comments.push(comment)
    return comment
  }

  identity(): Promise<TokenIdentity> {
    return Promise.resolve(this.self)
  }

  list(): Promise<ThreadComment[]> {
    return Promise.resolve([...this.comments])
  }

  create(body: string): Promise<ThreadComment> {
    const comment = this.post(this.self, body)
    const hook = this.afterCreate
    this.afterCreate = undefined
    hook?.()
    return Promise.resolve(comment)
  }

  update(id: number, body: string): Promise<ThreadComment> {
    const index = this.comments.findIndex((comment) => comment.id === id)
    const existing = this.comments[index]
    if (existing === undefined) return Promise.reject(new Error(`no comment ${id}`))
    const comment = { ...existing, body }
    this.comments[index] = comment
    this.updated.push(id)
    return Promise.resolve(comment)
  }

  remove(id: number): Promise<void> {
    this.comments = this.comments.filter((comment) => comment.id !== id)
    this.removed.push(id)
    return Promise.resolve()
  }
}
