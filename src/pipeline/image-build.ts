// Builds the image from the context and reads back what was built.
import * as core from '@actions/core'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildArgs } from '../docker/args.js'
import type { Docker } from '../docker/docker.js'
import { ActionError } from '../errors.js'
import type { BuildSettings } from '../settings/build.js'
import type { Revision } from './revision.js'

export interface BuiltImage {
  readonly id: string
  /** A local name only this run gives the image, dropped with dropRunTag once it is pushed. */
  readonly runTag: string
  readonly sizeBytes: number
  readonly layers: number
  readonly durationMs: number
}

export function ociLabels(
  settings: BuildSettings,
  revision: Revision,
  repositoryUrl: string
): Map<string, string> {
  return new Map([
    ['org.opencontainers.image.revision', revision.sha],
    ['org.opencontainers.image.source', repositoryUrl],
    ['org.opencontainers.image.created', revision.createdAt],
    ...settings.labels
  ])
}

export async function buildImage(
  docker: Docker,
  settings: BuildSettings,
  tag: string,
  labels: ReadonlyMap<string, string>
): Promise<BuiltImage> {
  const started = Date.now()
  // With the containerd image store, a build that takes a name from another image deletes that
  // image: a concurrent run of the same commit would delete ours before we test it.
  const runTag = `${tag}-run-${randomBytes(4).toString('hex')}`
  const scratch = await mkdtemp(join(process.env.RUNNER_TEMP ?? tmpdir(), 'immutable-image-build-'))
  try {
    const iidFile = join(scratch, 'iid')
    const buildx = await docker.hasBuildx()
    if (!buildx) core.info('docker buildx is not available: using the classic builder')
    const args = buildArgs({
      buildx,
      context: settings.context,
      file: settings.file,
      tags: [tag, runTag],
      iidFile,
      buildArgNames: [...settings.buildArgs.keys()],
      labels,
      target: settings.target,
      network: settings.network
    })
    const result = await docker.run(args, {
      // DOCKER_BUILDKIT=1 in the job's environment would make the client refuse to build without buildx.
      env: {
        ...Object.fromEntries(settings.buildArgs),
        ...(buildx ? {} : { DOCKER_BUILDKIT: '0' })
      },
      allowFailure: true
    })
    if (result.exitCode !== 0) {
      throw new ActionError(
        `the image build failed (docker exit ${result.exitCode}); see the build log above`
      )
    }
    const id = (await readFile(iidFile, 'utf8')).trim()
    const { sizeBytes, layers } = await inspectImage(docker, id)
    return { id, runTag, sizeBytes, layers, durationMs: Date.now() - started }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

export async function inspectImage(
  docker: Docker,
  reference: string
): Promise<{ id: string; sizeBytes: number; layers: number }> {
  const result = await docker.run(['image', 'inspect', '--format', '{{json .}}', reference], {
    silent: true
  })
  const image = JSON.parse(result.stdout) as {
    Id: string
    Size: number
    RootFS?: { Layers?: string[] }
  }
  return { id: image.Id, sizeBytes: image.Size, layers: image.RootFS?.Layers?.length ?? 0 }
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
