// The test-target input: a Dockerfile stage built on the shipped stage, checked against the Dockerfile.
import { readFileSync, statSync } from 'node:fs'
import { InputError } from '../errors.js'
import {
  describeStage,
  findStage,
  parseDockerfileStages,
  type DockerfileStage
} from '../pipeline/dockerfile-stages.js'
import { stageName } from './inputs.js'

/** A Dockerfile stage to run the tests in, built on the stage that is pushed. */
export interface TestTarget {
  /** The test stage, as the test-target input names it. */
  readonly stage: string
  /** The stage that is pushed: `target`, or the Dockerfile's last stage. */
  readonly shipped: {
    readonly name: string | undefined
    /** Its name, or its position when it has none. */
    readonly description: string
  }
}

const MAX_DOCKERFILE_BYTES = 1024 * 1024

/** Checked against the Dockerfile now, so a wrong name fails before anything is built. */
export function testTargetInput(
  file: string,
  target: string | undefined,
  testCommand: readonly string[] | undefined
): TestTarget | undefined {
  const stage = stageName('test-target')
  if (stage === undefined) return undefined
  if (testCommand === undefined) {
    throw new InputError(
      'test-target',
      `names the stage ${stage} to test in, but no test-command is given to run there`
    )
  }
  const stages = parseDockerfileStages(readDockerfile(file))
  if (findStage(stages, stage) === undefined) {
    throw new InputError('test-target', `'${stage}' is not a stage of ${file}: ${found(stages)}`)
  }
  const shipped = shippedStage(stages, target)
  if (shipped.name?.toLowerCase() === stage.toLowerCase()) {
    const which = target === undefined ? "the Dockerfile's last stage" : 'the target'
    throw new InputError(
      'test-target',
      `'${stage}' is the shipped stage (${which}): name a stage built FROM it that adds the tests, e.g. FROM ${stage} AS test`
    )
  }
  return { stage, shipped: { name: shipped.name, description: describeStage(stages, shipped) } }
}

/** `target`, or the last stage; the test-target check above proved there is one. */
function shippedStage(
  stages: readonly DockerfileStage[],
  target: string | undefined
): DockerfileStage {
  const shipped = target === undefined ? stages.at(-1) : findStage(stages, target)
  if (shipped === undefined) {
    throw new InputError(
      'target',
      `'${target ?? ''}' is not a stage of the Dockerfile: ${found(stages)}`
    )
  }
  return shipped
}

function found(stages: readonly DockerfileStage[]): string {
  const named = stages.flatMap((stage) => (stage.name === undefined ? [] : [stage.name]))
  return named.length === 0 ? 'it has no named stages' : `its stages are ${named.join(', ')}`
}

function readDockerfile(file: string): string {
  const size = statSync(file).size
  if (size > MAX_DOCKERFILE_BYTES) {
    throw new InputError('file', `${file} is ${size} bytes, more than a Dockerfile can be (1 MiB)`)
  }
  return readFileSync(file, 'utf8')
}
