import { describe, expect, it } from 'vitest'
import { WORKFLOW_TOKEN_IDENTITY } from '../../src/github/comment-thread.js'
import { settleRace, upsertStickyComment } from '../../src/github/sticky-comment.js'
import { FakeCommentThread } from '../harness/fakes/comment-thread.js'

const MARKER = '<!-- immutable-image:ghcr.io/acme/web -->'
const US = WORKFLOW_TOKEN_IDENTITY
const MALLORY = { login: 'mallory', id: 1 }

function bodies(thread: FakeCommentThread): [string, string][] {
  return thread.comments.map((comment) => [comment.author?.login ?? '', comment.body])
}

describe('settleRace', () => {
  it('keeps our oldest comment with the newest body and deletes our newer one', async () => {
    const thread = new FakeCommentThread(US)
    const oldest = thread.post(US, `${MARKER}\nrun 1`)
    const newer = thread.post(US, `${MARKER}\nrun 2`)

    const settled = await settleRace(thread, MARKER, `${MARKER}\nrun 2`, US)

    expect(settled).toEqual({ id: oldest.id, url: oldest.url, created: false })
    expect(thread.removed).toEqual([newer.id])
    expect(bodies(thread)).toEqual([['github-actions[bot]', `${MARKER}\nrun 2`]])
  })

  it("never touches someone else's comment that carries our marker", async () => {
    const thread = new FakeCommentThread(US)
    const planted = thread.post(MALLORY, `${MARKER}\nplanted`)
    const oldest = thread.post(US, `${MARKER}\nrun 1`)
    thread.post(US, `${MARKER}\nrun 2`)

    await settleRace(thread, MARKER, `${MARKER}\nrun 2`, US)

    expect(thread.removed).not.toContain(planted.id)
    expect(thread.updated).toEqual([oldest.id])
    expect(bodies(thread)).toEqual([
      ['mallory', `${MARKER}\nplanted`],
      ['github-actions[bot]', `${MARKER}\nrun 2`]
    ])
  })

  it('does nothing when ours is the only comment', async () => {
    const thread = new FakeCommentThread(US)
    thread.post(MALLORY, `${MARKER}\nplanted`)
    thread.post(US, `${MARKER}\nrun 1`)

    expect(await settleRace(thread, MARKER, `${MARKER}\nrun 1`, US)).toBeUndefined()
    expect(thread.removed).toEqual([])
    expect(thread.updated).toEqual([])
  })
})

describe('upsertStickyComment when another run creates its comment at the same time', () => {
  it('ends with one comment of ours, the oldest, carrying this run’s body', async () => {
    const thread = new FakeCommentThread(US)
    let other: number | undefined
    thread.afterCreate = () => {
      other = thread.post(US, `${MARKER}\nthe other run`).id
    }

    const posted = await upsertStickyComment(thread, MARKER, `${MARKER}\nthis run`)

    const [only] = thread.comments
    expect(thread.comments).toHaveLength(1)
    expect(posted).toMatchObject({ id: only?.id, created: false })
    expect(thread.removed).toEqual([other])
    expect(only?.body).toBe(`${MARKER}\nthis run`)
  })

  it('keeps the other run’s comment when it was created first', async () => {
    const thread = new FakeCommentThread(US)
    const listed = thread.list.bind(thread)
    let first: number | undefined
    // The other run's create lands between our look and our create: it is older than ours.
    thread.list = async () => {
      const comments = await listed()
      if (first === undefined) first = thread.post(US, `${MARKER}\nthe other run`).id
      return comments
    }

    const posted = await upsertStickyComment(thread, MARKER, `${MARKER}\nthis run`)

    expect(posted).toMatchObject({ id: first, created: false })
    expect(bodies(thread)).toEqual([['github-actions[bot]', `${MARKER}\nthis run`]])
  })

  it('leaves a marked comment planted by someone else meanwhile alone', async () => {
    const thread = new FakeCommentThread(US)
    thread.afterCreate = () => thread.post(MALLORY, `${MARKER}\nplanted`)

    const posted = await upsertStickyComment(thread, MARKER, `${MARKER}\nthis run`)

    expect(posted.created).toBe(true)
    expect(thread.removed).toEqual([])
    expect(bodies(thread)).toEqual([
      ['github-actions[bot]', `${MARKER}\nthis run`],
      ['mallory', `${MARKER}\nplanted`]
    ])
  })
})
