// How the build learns what buildx takes without asking its version where the plugin is on disk:
// --annotation is given, and a buildx that refuses the flag builds again without it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Buildx, Docker, DockerResult, DockerRunOptions } from '../../src/docker/docker.js'
import { BuildFailedError } from '../../src/pipeline/build-failure.js'
import { buildImage } from '../../src/pipeline/image-build.js'
import { pipelineSettings } from '../harness/fakes/pipeline-inputs.js'

const IMAGE_ID = `sha256:${'4'.repeat(64)}`
const LABELS = new Map([['org.opencontainers.image.revision', 'd'.repeat(40)]])

/**
 * Builds answer `buildOutput` (with exit 1) until `failures` builds have failed; `buildx version`
 * answers `version`.
 */
function fakeEngine(buildx: Buildx, buildOutput: string, failures: number, version?: string) {
  const builds: string[][] = []
  const run = (args: readonly string[], options: DockerRunOptions = {}): Promise<DockerResult> => {
    if (args[0] === 'image' && args[1] === 'inspect') {
      const stdout = JSON.stringify({ Id: IMAGE_ID, Size: 1, RootFS: { Layers: ['a'] } })
      return Promise.resolve({ exitCode: 0, stdout, stderr: '' })
    }
    builds.push([...args])
    if (builds.length > failures) return Promise.resolve({ exitCode: 0, stdout: '', stderr: '' })
    options.onOutput?.(Buffer.from(buildOutput))
    return Promise.resolve({ exitCode: 1, stdout: '', stderr: buildOutput })
  }
  const engine = {
    buildx: () => Promise.resolve(buildx),
    buildxVersion: () => Promise.resolve(version),
    run
  } as unknown as Docker
  return { engine, builds }
}

const annotated = (args: readonly string[]): boolean => args.includes('--annotation')

const build = (engine: Docker) =>
  buildImage(engine, pipelineSettings(), 'ghcr.io/acme/web:sha-ddddddd', LABELS, [])

const FOUND_ON_DISK: Buildx = { available: true, version: undefined }

beforeEach(() => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('buildImage with buildx', () => {
  it('annotates the revision with a plugin found on disk, whose version is not asked', async () => {
    const { engine, builds } = fakeEngine(FOUND_ON_DISK, '', 0)
    expect((await build(engine)).id).toBe(IMAGE_ID)
    expect(builds).toHaveLength(1)
    expect(builds[0]?.join(' ')).toContain(
      '--annotation manifest-descriptor:org.opencontainers.image.revision=' + 'd'.repeat(40)
    )
  })

  it('builds again without --annotation when the plugin refuses the flag (older than 0.12)', async () => {
    const { engine, builds } = fakeEngine(FOUND_ON_DISK, 'ERROR: unknown flag: --annotation\n', 1)
    expect((await build(engine)).id).toBe(IMAGE_ID)
    expect(builds.map(annotated)).toEqual([true, false])
  })

  it('does not build again when the refusal is only part of what a failed build printed', async () => {
    const output = '#5 [2/3] RUN echo "unknown flag: --annotation"\n#5 ERROR: exit code 1\n'
    const { engine, builds } = fakeEngine(FOUND_ON_DISK, output, 1)
    await expect(build(engine)).rejects.toBeInstanceOf(BuildFailedError)
    expect(builds).toHaveLength(1)
  })

  it('does not build again when a buildx whose version was read refuses the flag', async () => {
    const asked: Buildx = { available: true, version: 'github.com/docker/buildx v0.13.1 abc' }
    const { engine, builds } = fakeEngine(asked, 'ERROR: unknown flag: --annotation\n', 1)
    await expect(build(engine)).rejects.toBeInstanceOf(BuildFailedError)
    expect(builds).toHaveLength(1)
  })

  it('builds with the classic builder when the plugin fails without a word and gives no version', async () => {
    const { engine, builds } = fakeEngine(FOUND_ON_DISK, '', 1)
    expect((await build(engine)).id).toBe(IMAGE_ID)
    expect(builds.map((args) => args.slice(0, 2))).toEqual([
      ['buildx', 'build'],
      ['build', '--file']
    ])
    expect(builds[1]).not.toContain('--annotation')
  })

  it('keeps a silent failure of a plugin that gives its version, without building again', async () => {
    const { engine, builds } = fakeEngine(FOUND_ON_DISK, '', 1, 'github.com/docker/buildx v0.13.1')
    await expect(build(engine)).rejects.toBeInstanceOf(BuildFailedError)
    expect(builds).toHaveLength(1)
  })

  it('gives no --annotation to a buildx whose version says it takes none', async () => {
    const old: Buildx = { available: true, version: 'github.com/docker/buildx v0.11.2 abc' }
    const { engine, builds } = fakeEngine(old, '', 0)
    await build(engine)
    expect(builds.map(annotated)).toEqual([false])
  })
})
