import { describe, expect, it } from 'vitest'
import {
  chooseForExistingTag,
  notThisCommit,
  registryQuestion,
  type ExistingTagChoice,
  type HeldImage
} from '../../src/pipeline/existing-tag.js'
import type { IfExists } from '../../src/settings/build.js'

const SHA = 'a'.repeat(40)
const OTHER = 'b'.repeat(40)
const DIGEST = `sha256:${'d'.repeat(64)}`
const REFERENCE = 'ghcr.io/acme/web:sha-aaaaaaa'
const WANTED = { reference: REFERENCE, sha: SHA }

const NOTHING: HeldImage = { kind: 'nothing' }
const TAG: HeldImage = { kind: 'tag', digest: DIGEST }
const THIS_COMMIT: HeldImage = { kind: 'image', digest: DIGEST, revisions: [SHA] }
const THIS_COMMIT_EVERY_PLATFORM: HeldImage = {
  kind: 'image',
  digest: DIGEST,
  revisions: [SHA, SHA]
}
const OTHER_COMMIT: HeldImage = { kind: 'image', digest: DIGEST, revisions: [OTHER] }
const ONE_PLATFORM_OTHER: HeldImage = { kind: 'image', digest: DIGEST, revisions: [SHA, OTHER] }
const NO_LABEL: HeldImage = { kind: 'image', digest: DIGEST, revisions: [undefined] }

const BUILD: ExistingTagChoice = { kind: 'build' }
const REUSE: ExistingTagChoice = { kind: 'reuse', digest: DIGEST }
const FAIL_EXISTS: ExistingTagChoice = {
  kind: 'fail',
  why: `${REFERENCE} already exists (${DIGEST}) and if-exists is 'fail'`
}
const failHolding = (held: string): ExistingTagChoice => ({
  kind: 'fail',
  why: `${REFERENCE} holds ${held}, not this commit ${SHA}: it is not reused (if-exists: overwrite replaces it)`
})

describe('registryQuestion', () => {
  it.each<[boolean, IfExists, string]>([
    [true, 'skip', 'tag-and-revision'],
    [true, 'fail', 'tag'],
    [true, 'overwrite', 'none'],
    [false, 'skip', 'none'],
    [false, 'fail', 'none'],
    [false, 'overwrite', 'none']
  ])('push %s, if-exists %s asks the registry: %s', (push, ifExists, question) => {
    expect(registryQuestion({ push, ifExists })).toBe(question)
  })
})

describe('chooseForExistingTag', () => {
  it.each<[IfExists, boolean, string, HeldImage, ExistingTagChoice]>([
    ['skip', true, 'nothing', NOTHING, BUILD],
    ['skip', true, "this commit's image", THIS_COMMIT, REUSE],
    ['skip', true, "this commit's image on every platform", THIS_COMMIT_EVERY_PLATFORM, REUSE],
    ['skip', true, "another commit's image", OTHER_COMMIT, failHolding(`commit ${OTHER}`)],
    [
      'skip',
      true,
      'one platform of another commit',
      ONE_PLATFORM_OTHER,
      failHolding(`commit ${OTHER}`)
    ],
    [
      'skip',
      true,
      'an image with no revision label',
      NO_LABEL,
      failHolding('an image with no revision label')
    ],
    ['fail', true, 'nothing', NOTHING, BUILD],
    ['fail', true, 'the tag', TAG, FAIL_EXISTS],
    ['fail', true, "this commit's image", THIS_COMMIT, FAIL_EXISTS],
    ['fail', true, "another commit's image", OTHER_COMMIT, FAIL_EXISTS],
    ['overwrite', true, 'nothing', NOTHING, BUILD],
    ['overwrite', true, "this commit's image", THIS_COMMIT, BUILD],
    ['overwrite', true, "another commit's image", OTHER_COMMIT, BUILD],
    ['overwrite', true, 'an image with no revision label', NO_LABEL, BUILD],
    ['skip', false, "this commit's image", THIS_COMMIT, BUILD],
    ['fail', false, "this commit's image", THIS_COMMIT, BUILD],
    ['skip', false, "another commit's image", OTHER_COMMIT, BUILD]
  ])('if-exists %s, push %s, the registry holds %s', (ifExists, push, _held, held, choice) => {
    expect(chooseForExistingTag({ push, ifExists }, held, WANTED)).toEqual(choice)
  })

  it('refuses to reuse a tag whose commit was not read', () => {
    expect(() => chooseForExistingTag({ push: true, ifExists: 'skip' }, TAG, WANTED)).toThrow(
      /needs the commit it holds/
    )
  })
})

describe('notThisCommit', () => {
  it('makes a hostile revision label one safe line', () => {
    expect(notThisCommit(['evil\n::error::forged'], WANTED)).toBe(
      `${REFERENCE} holds commit evil ::error::forged, not this commit ${SHA}: it is not reused (if-exists: overwrite replaces it)`
    )
  })
})
