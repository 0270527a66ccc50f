// Which image the tests run in: the shipped one, or with test-target a test stage proved to be built on it.
import * as core from '../runner/core.js'
import type { Docker } from '../docker/docker.js'
import type { BuildSettings } from '../settings/build.js'
import { buildTestStage, dropRunTag, type BuiltImage } from './image-build.js'
import type { PlatformPlan } from './platform-plan.js'
import { requireTestedOnShipped } from './stage-layers.js'

export interface ImageToTest {
  readonly id: string
  readonly name: string
  /** The test stage's own image, to be removed at the end; undefined when the shipped one is tested. */
  readonly testStage: BuiltImage | undefined
}

/**
 * The shipped image, or with test-target the test stage, once its layers prove it is the shipped
 * image plus test layers: the tests then ran on the very bytes that are pushed.
 */
export async function imageToTest(
  docker: () => Promise<Docker>,
  settings: BuildSettings,
  shipped: { readonly built: BuiltImage; readonly reference: string },
  labels: ReadonlyMap<string, string>,
  platforms: PlatformPlan
): Promise<ImageToTest> {
  const { built, reference } = shipped
  const testTarget = settings.testTarget
  if (testTarget === undefined || platforms.runnable.length === 0) {
    return { id: built.id, name: reference, testStage: undefined }
  }
  const runnable = platforms.runnable.filter((platform) => platform !== undefined)
  const { stage } = testTarget
  const testStage = await core.group(`Build the test stage ${stage}`, async () =>
    buildTestStage(await docker(), settings, reference, labels, stage, runnable)
  )
  const description = testTarget.shipped.description
  try {
    requireTestedOnShipped(
      { name: testTarget.shipped.name, description, diffIds: built.diffIds },
      { name: stage, description: stage, diffIds: testStage.diffIds }
    )
  } catch (error) {
    // Refused: nobody else holds this image to remove it.
    await dropRunTag(await docker(), testStage)
    throw error
  }
  core.info(
    `The test stage ${stage} holds all ${built.diffIds.length} layers of the shipped stage ${description}, in order, and ${testStage.diffIds.length - built.diffIds.length} of its own.`
  )
  return { id: testStage.id, name: `the test stage ${stage}`, testStage }
}
