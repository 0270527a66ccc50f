// What the registry holds under the SHA tag, asked as soon as the commit is known and once per question.
import * as core from '../runner/core.js'
import { ActionError } from '../errors.js'
import type { Manifest } from '../registry/client.js'
import { imageRevisions, revisionsIn } from '../registry/image-revision.js'
import { parseDigest, parseTag, type Digest, type Tag } from '../registry/reference.js'
import { isIndexMediaType } from '../registry/media-types.js'
import { isAttestationManifest, settledTag } from '../registry/settled-tag.js'
import type { ImageRepository } from '../registry/repository.js'
import {
  chooseForExistingTag,
  notThisCommit,
  registryQuestion,
  type ExistingTagPolicy,
  type HeldImage,
  type Wanted
} from './existing-tag.js'
import { shaTag } from './revision.js'
import { startReadingRecord, type TestRecord } from './test-record.js'

/** The SHA tag's manifest asked for before git named the commit, on the event's word. */
export interface ShaTagGuess {
  readonly tag: Tag
  readonly manifest: Promise<Manifest | undefined>
}

/**
 * Asks for the SHA tag of the event's commit while git reads the checkout: it is the checked-out
 * commit on a push and with the default pull_request checkout. A wrong guess costs one request, and
 * the lookup then asks for the right tag.
 */
export function guessShaTag(
  registry: Promise<ImageRepository>,
  policy: ExistingTagPolicy & { readonly shaFormat: 'short' | 'long' },
  eventSha: string
): ShaTagGuess | undefined {
  if (registryQuestion(policy) === 'none' || !/^[0-9a-f]{40}$/.test(eventSha)) return undefined
  const tag = parseTag(shaTag(eventSha, policy.shaFormat))
  const manifest = registry.then((repository) => repository.fetch(tag))
  manifest.catch(() => undefined)
  return { tag, manifest }
}

/** The image under the SHA tag that if-exists reuses, with its test record when already asked. */
export interface ReusableImage {
  readonly digest: Digest
  readonly record?: Promise<TestRecord | undefined>
}

export class ShaTagLookup {
  /**
   * The tag's manifest, asked for when the lookup is made: the request runs while the engine is
   * probed. One GET answers both whether the tag exists and, from its bytes, which commit it holds.
   */
  private early: Promise<Manifest | undefined> | undefined
  /** The test record of the image `early` found, asked while its commit is checked. */
  private recordAhead: Required<ReusableImage> | undefined

  constructor(
    private readonly registry: ImageRepository,
    private readonly policy: ExistingTagPolicy,
    private readonly tag: Tag,
    private readonly wanted: Wanted,
    guess?: ShaTagGuess
  ) {
    const question = registryQuestion(policy)
    if (question === 'none') return
    this.early = guess?.tag === tag ? guess.manifest : registry.fetch(tag)
    // Awaited in `existing`; until then a failure must not count as unhandled.
    this.early.then(
      (manifest) => {
        if (manifest === undefined || question !== 'tag-and-revision') return
        const digest = parseDigest(manifest.digest)
        this.recordAhead = { digest, record: startReadingRecord(registry, digest, wanted.sha) }
      },
      () => undefined
    )
  }

  /** Whether if-exists makes the run ask the registry for the SHA tag. */
  get asksRegistry(): boolean {
    return registryQuestion(this.policy) !== 'none'
  }

  /** The SHA tag's image when if-exists says to reuse it; throws when it says to fail. */
  async existing(when: string): Promise<ReusableImage | undefined> {
    const question = registryQuestion(this.policy)
    if (question === 'none') return undefined
    const early = this.early
    this.early = undefined
    const manifest = await core.group(`Look for ${this.wanted.reference} ${when}`, async () => {
      const answer = await (early ?? this.registry.fetch(this.tag))
      return (await this.mayBeHalfway(early !== undefined, answer))
        ? settledTag(answer, () => this.registry.fetch(this.tag))
        : answer
    })
    let held: HeldImage = { kind: 'nothing' }
    if (manifest !== undefined) {
      held =
        question === 'tag'
          ? { kind: 'tag', digest: manifest.digest }
          : { kind: 'image', digest: manifest.digest, revisions: await this.revisionsIn(manifest) }
    }
    const choice = chooseForExistingTag(this.policy, held, this.wanted)
    if (choice.kind === 'fail') throw new ActionError(choice.why)
    if (choice.kind !== 'reuse') return undefined
    const digest = parseDigest(choice.digest)
    const ahead = this.recordAhead
    this.recordAhead = undefined
    return ahead?.digest === digest ? ahead : { digest }
  }

  /** Fails unless the image under `digest` was built from this very commit. */
  async requireThisCommit(digest: Digest): Promise<void> {
    const revisions = await core.group(`Check which commit ${this.wanted.reference} holds`, () =>
      imageRevisions(this.registry.client, this.registry.image.path, digest)
    )
    const why = notThisCommit(revisions, this.wanted)
    if (why !== undefined) throw new ActionError(why)
  }

  /**
   * Whether the tag may have been read halfway through another run's push. A later answer
   * appeared during this run. The early one is mostly a tag pushed long ago: it is suspect as an
   * attestation, or as a lone manifest without a test record (records go to the index a push
   * ends with, never to the images it lists).
   */
  private async mayBeHalfway(early: boolean, answer: Manifest | undefined): Promise<boolean> {
    if (!early) return true
    if (answer === undefined || isIndexMediaType(answer.mediaType)) return false
    if (isAttestationManifest(answer)) return true
    const ahead = this.recordAhead
    if (ahead?.digest !== answer.digest) return false
    return (await ahead.record.catch(() => undefined)) === undefined
  }

  private revisionsIn(manifest: Manifest): Promise<(string | undefined)[]> {
    return core.group(`Check which commit ${this.wanted.reference} holds`, () =>
      revisionsIn(this.registry.client, this.registry.image.path, manifest)
    )
  }
}
