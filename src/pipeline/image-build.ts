// Builds the image from the context and reads back what was built.
import { randomHex } from '../random-hex.js'
import * as core from '../runner/core.js'
import { buildArgs, buildxAnnotates } from '../docker/args.js'
import { buildError } from '../docker/build-error.js'
import { inputFlags } from '../docker/buildx-args.js'
import { OutputTail, type Buildx, type Docker } from '../docker/docker.js'
import { BuildFailedError } from './build-failure.js'
import type { BuildSettings } from '../settings/build.js'
import type { Revision } from './revision.js'
import { REVISION_LABEL } from '../registry/image-revision.js'

export interface BuiltImage {
  readonly id: string
  /** A local name only this run gives the image, dropped with dropRunTag once it is pushed. */
  readonly runTag: string
  readonly sizeBytes: number
  readonly layers: number
  /** RootFS diff IDs, bottom layer first. */
  readonly diffIds: readonly string[]
  readonly durationMs: number
}

interface StageBuild {
  readonly runTag: string
  readonly target: string | undefined
  readonly stage: 'shipped' | 'test'
  /** What the failure message calls this build. */
  readonly what: string
  /** buildx `--platform` values; empty for the engine's own platform. */
  readonly platforms: readonly string[]
}

/** The build output kept to find its error in: the failing step's log is at its end. */
const ERROR_TAIL_CHARS = 64 * 1024

export async function ociLabels(
  settings: BuildSettings,
  revision: Revision,
  repositoryUrl: string
): Promise<Map<string, string>> {
  return new Map([
    [REVISION_LABEL, revision.sha],
    ['org.opencontainers.image.source', repositoryUrl],
    ['org.opencontainers.image.created', await revision.createdAt()],
    ...settings.labels
  ])
}

/**
 * The revision label again, as an annotation of the image manifest and of its descriptor in the
 * index: a re-run learns the commit from what it already fetched, without the config blob.
 */
function revisionAnnotation(labels: ReadonlyMap<string, string>): Map<string, string> {
  const revision = labels.get(REVISION_LABEL)
  return new Map(revision === undefined ? [] : [[REVISION_LABEL, revision]])
}

/** Builds the shipped image: `target`, or the Dockerfile's last stage. */
export async function buildImage(
  docker: Docker,
  settings: BuildSettings,
  tag: string,
  labels: ReadonlyMap<string, string>,
  platforms: readonly string[]
): Promise<BuiltImage> {
  // The build names only a tag of this run's own: with the containerd image store, a build that
  // takes a name from another image deletes that image, and two builds naming one tag at once fail
  // with "already exists". The SHA tag is given with reclaimTag once the tests passed.
  const runTag = `${tag}-run-${randomHex(4)}`
  return buildStage(docker, settings, labels, {
    runTag,
    target: settings.target,
    stage: 'shipped',
    what: 'the image build',
    platforms
  })
}

/**
 * Builds the test stage after the shipped one: the build cache holds the shipped stage's layers,
 * so only the test layers are built. It gets a local name of its own and is never pushed.
 */
export async function buildTestStage(
  docker: Docker,
  settings: BuildSettings,
  tag: string,
  labels: ReadonlyMap<string, string>,
  stage: string,
  platforms: readonly string[]
): Promise<BuiltImage> {
  const runTag = `${tag}-test-${randomHex(4)}`
  return buildStage(docker, settings, labels, {
    runTag,
    target: stage,
    stage: 'test',
    what: `the build of the test stage ${stage}`,
    platforms
  })
}

interface BuildRun {
  readonly exitCode: number
  /** The end of the build's output, where its error is. */
  readonly output: string
  readonly buildx: boolean
}

/** A buildx older than 0.12 stops at the flag, before building anything; nothing else is taken for it. */
const REFUSED_ANNOTATION = /^(ERROR: )?unknown flag: --annotation$/

const CLASSIC_NOTICE = 'docker buildx is not available: using the classic builder'

async function buildStage(
  docker: Docker,
  settings: BuildSettings,
  labels: ReadonlyMap<string, string>,
  build: StageBuild
): Promise<BuiltImage> {
  const started = Date.now()
  const { runTag } = build
  const result = await buildWithWhatIsKnown(docker, settings, labels, build, await docker.buildx())
  if (result.exitCode !== 0) {
    throw new BuildFailedError(
      build.what,
      result.exitCode,
      buildError(result.output, result.buildx ? 'buildx' : 'classic')
    )
  }
  // Read back by the run tag, not --iidfile: with the containerd store buildx writes the config
  // digest there for a lone manifest (provenance off), and the store knows the image only by the
  // manifest's digest.
  const { id, sizeBytes, diffIds } = await inspectImage(docker, runTag)
  return {
    id,
    runTag,
    sizeBytes,
    layers: diffIds.length,
    diffIds,
    durationMs: Date.now() - started
  }
}

/**
 * A plugin found on disk builds without being asked its version first (a process on the way to
 * the build): it is taken to annotate, and what its failure shows is learnt after. One that refuses
 * --annotation builds again without it; one that fails without a word is asked its version, as the
 * CLI asks a plugin, and the classic builder builds where it gives none.
 */
async function buildWithWhatIsKnown(
  docker: Docker,
  settings: BuildSettings,
  labels: ReadonlyMap<string, string>,
  build: StageBuild,
  { available, version }: Buildx
): Promise<BuildRun> {
  if (!available) core.info(CLASSIC_NOTICE)
  const annotate = available && (version === undefined || buildxAnnotates(version))
  const result = await runBuild(docker, settings, labels, build, { buildx: available, annotate })
  if (result.exitCode === 0 || !available || version !== undefined) return result
  const output = result.output.trim()
  if (output === '') {
    if ((await docker.buildxVersion()) === undefined) {
      const classic = { available: false, version: undefined }
      return buildWithWhatIsKnown(docker, settings, labels, build, classic)
    }
  } else if (REFUSED_ANNOTATION.test(output)) {
    core.info('This buildx takes no --annotation (0.12 and later do): building without it')
    return runBuild(docker, settings, labels, build, { buildx: true, annotate: false })
  }
  return result
}

async function runBuild(
  docker: Docker,
  settings: BuildSettings,
  labels: ReadonlyMap<string, string>,
  build: StageBuild,
  { buildx, annotate }: { buildx: boolean; annotate: boolean }
): Promise<BuildRun> {
  const flags = inputFlags(settings.buildx, { buildx, stage: build.stage })
  const args = buildArgs({
    buildx,
    manifestAnnotations: annotate ? revisionAnnotation(labels) : new Map(),
    context: settings.context,
    file: settings.file,
    tags: [build.runTag],
    buildArgNames: [...settings.buildArgs.keys()],
    labels,
    target: build.target,
    network: settings.network,
    inputFlags: flags.args,
    platforms: build.platforms
  })
  const output = new OutputTail(ERROR_TAIL_CHARS)
  const result = await docker.run(args, {
    // DOCKER_BUILDKIT=1 in the job's environment would make the client refuse to build without buildx.
    env: {
      ...Object.fromEntries(settings.buildArgs),
      ...flags.env,
      ...(buildx ? {} : { DOCKER_BUILDKIT: '0' })
    },
    allowFailure: true,
    onOutput: (chunk) => {
      output.append(chunk.toString('utf8'))
    }
  })
  return { exitCode: result.exitCode, output: output.toString(), buildx }
}

export async function inspectImage(
  docker: Docker,
  reference: string
): Promise<{ id: string; sizeBytes: number; diffIds: string[] }> {
  const result = await docker.run(['image', 'inspect', '--format', '{{json .}}', reference], {
    silent: true
  })
  const image = JSON.parse(result.stdout) as {
    Id: string
    Size: number
    RootFS?: { Layers?: string[] }
  }
  return { id: image.Id, sizeBytes: image.Size, diffIds: image.RootFS?.Layers ?? [] }
}

/** Gives the SHA tag back to the image this run built and tested, whoever built last. */
export async function reclaimTag(docker: Docker, built: BuiltImage, tag: string): Promise<void> {
  await docker.run(['tag', built.id, tag], { silent: true })
}

export async function dropRunTag(docker: Docker, built: BuiltImage): Promise<void> {
  const result = await docker.run(['image', 'rm', built.runTag], {
    silent: true,
    allowFailure: true
  })
  if (result.exitCode !== 0) core.warning(`could not remove the local tag ${built.runTag}`)
}

/** Drops the run tags of the images built, once nothing needs them. */
export async function dropRunTags(
  docker: () => Promise<Docker>,
  images: readonly (BuiltImage | undefined)[]
): Promise<void> {
  for (const image of images) if (image !== undefined) await dropRunTag(await docker(), image)
}

/** What the report tells of the built image; unknown when nothing was built. */
export function builtImageFacts(built: BuiltImage | undefined): {
  sizeBytes: number | undefined
  layers: number | undefined
  buildDurationMs: number | undefined
} {
  return {
    sizeBytes: built?.sizeBytes,
    layers: built?.layers,
    buildDurationMs: built?.durationMs
  }
}
