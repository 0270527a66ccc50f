// Builds the image from the context and reads back what was built.
import * as core from '@actions/core'
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
  const scratch = await mkdtemp(join(process.env.RUNNER_TEMP ?? tmpdir(), 'immutable-image-build-'))
  try {
    const iidFile = join(scratch, 'iid')
    const buildx = await docker.hasBuildx()
    if (!buildx) core.info('docker buildx is not available: using the classic builder')
    const args = buildArgs({
      buildx,
      context: settings.context,
      file: settings.file,
      tag,
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
    return { id, sizeBytes, layers, durationMs: Date.now() - started }
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
