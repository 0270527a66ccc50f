// platforms: one buildx build makes an index of every platform; the tests run on the ones this runner
// can execute, the others are built only; the SHA tag, digest and promotion name the whole index.
import { execFileSync } from 'node:child_process'
import { describe, expect } from 'vitest'
import { emulatedArchitectures } from '../../src/docker/emulation.js'
import {
  type ActionRun,
  buildCommands,
  BUSYBOX_TEST_COMMAND,
  busyboxWorkspace,
  dockerConfigWithoutBuildx,
  freshRepository,
  it,
  storedObjects,
  tagDigest
} from '../harness/index.js'

interface IndexJson {
  readonly mediaType: string
  readonly manifests: {
    readonly platform?: { readonly os: string; readonly architecture: string }
    readonly annotations?: Record<string, string>
  }[]
}

function enginePlatform(): string {
  return execFileSync('docker', ['version', '--format', '{{.Server.Os}}/{{.Server.Arch}}'], {
    encoding: 'utf8'
  }).trim()
}

/** The platforms of the index's images, attestation manifests left out. */
async function indexPlatforms(path: string, tag: string): Promise<string[]> {
  const [index] = await storedObjects(path, tag)
  const json = JSON.parse(index?.content.toString('utf8') ?? '{}') as IndexJson
  expect(json.mediaType).toBe('application/vnd.oci.image.index.v1+json')
  return json.manifests
    .filter((entry) => entry.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest')
    .map((entry) => `${entry.platform?.os ?? ''}/${entry.platform?.architecture ?? ''}`)
}

describe('platforms: linux/amd64,linux/arm64', () => {
  const path = freshRepository('platforms')
  const workspace = busyboxWorkspace()
  const shaTag = `sha-${workspace.sha.slice(0, 7)}`
  const native = enginePlatform()
  const armTested = native === 'linux/arm64' || emulatedArchitectures().has('arm64')
  let run: ActionRun

  it.beforeAll(async ({ build }) => {
    run = await build({
      workspace,
      repository: path,
      inputs: { platforms: 'linux/amd64,linux/arm64', 'test-command': BUSYBOX_TEST_COMMAND }
    })
  })

  it('builds both in one buildx build and pushes one index holding both under the SHA tag', async () => {
    expect(run.main.exitCode, run.main.stdout).toBe(0)
    const builds = buildCommands(run.main.stdout)
    expect(builds).toHaveLength(1)
    expect(builds[0]).toContain('--platform linux/amd64,linux/arm64')
    expect(await tagDigest(path, shaTag)).toBe(run.outputs.digest)
    expect((await indexPlatforms(path, shaTag)).sort()).toEqual(['linux/amd64', 'linux/arm64'])
  })

  it('tests the platform the engine runs, naming it to docker run', () => {
    const runs = run.main.stdout
      .split('\n')
      .filter((line) => /\[command\]\S*docker run /.test(line))
    expect(runs.some((line) => line.includes(`--platform ${native}`))).toBe(true)
    expect(runs.some((line) => line.includes('--platform linux/arm64'))).toBe(armTested)
  })

  it('says in the summary which platforms were tested and which only built', () => {
    expect(run.summary).toContain('| Platform `linux/amd64` | built and tested |')
    expect(run.summary).toContain(
      armTested
        ? '| Platform `linux/arm64` | built and tested |'
        : '| Platform `linux/arm64` | built only, not tested'
    )
  })

  it('is promoted whole: the target names the same index', async ({ promote }) => {
    const promoted = await promote({
      repository: path,
      inputs: { source: shaTag, target: 'staging', record: 'false' }
    })
    expect(promoted.main.exitCode, promoted.main.stdout).toBe(0)
    expect(await tagDigest(path, 'staging')).toBe(run.outputs.digest)
    expect((await indexPlatforms(path, 'staging')).sort()).toEqual(['linux/amd64', 'linux/arm64'])
  })
})

describe('platforms, refused', () => {
  it.for([
    ['linux', 'buildx', "Input 'platforms': 'linux' is not os/arch[/variant]"],
    ['linux/amd64', 'the classic builder', "Input 'platforms': needs docker buildx (BuildKit)"]
  ] as const)(
    '%s on %s fails in one line naming the input, before any build',
    async ([platforms, builder, message], { build }) => {
      const result = await build({
        workspace: busyboxWorkspace(),
        repository: freshRepository('platforms-bad'),
        inputs: { platforms, 'test-command': BUSYBOX_TEST_COMMAND },
        env: builder === 'buildx' ? {} : { DOCKER_CONFIG: dockerConfigWithoutBuildx() }
      })
      expect(result.main.exitCode).toBe(1)
      expect(result.errors).toHaveLength(1)
      expect(result.errors[0]).toContain(message)
      expect(result.main.stdout).not.toMatch(/\[command\]\S*docker (buildx )?build /)
    }
  )
})
