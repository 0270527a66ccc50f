// push-by-digest: each platform run pushes its tested image by digest only, no tag; merge joins the
// digests into one index under the SHA tag.
import { describe, expect } from 'vitest'
import { emulatedArchitectures } from '../../src/docker/emulation.js'
import {
  BUSYBOX_TEST_COMMAND,
  busyboxWorkspace,
  freshRepository,
  it,
  MANIFEST_ACCEPT,
  storedObjects,
  tagDigest,
  type ActionRun,
  type TestEnvironment
} from '../harness/index.js'

interface IndexJson {
  readonly manifests: {
    readonly platform?: { readonly os: string; readonly architecture: string }
    readonly annotations?: Record<string, string>
  }[]
}

/** The registry's own answer for a digest: its media type, or undefined when it has none. */
async function manifestType(env: TestEnvironment, path: string, digest: string) {
  const response = await fetch(`http://${env.registry}/v2/${path}/manifests/${digest}`, {
    method: 'HEAD',
    headers: {
      accept: MANIFEST_ACCEPT,
      authorization: `Basic ${Buffer.from(`${env.username}:${env.password}`).toString('base64')}`
    }
  })
  return response.status === 200 ? (response.headers.get('content-type') ?? '') : undefined
}

describe('push-by-digest, then merge', () => {
  const path = freshRepository('by-digest')
  const workspace = busyboxWorkspace()
  const shaTag = `sha-${workspace.sha.slice(0, 7)}`
  const runs: Record<'amd64' | 'arm64', ActionRun | undefined> = {
    amd64: undefined,
    arm64: undefined
  }

  it.beforeAll(async ({ build }) => {
    for (const architecture of ['amd64', 'arm64'] as const) {
      runs[architecture] = await build({
        workspace,
        repository: path,
        inputs: {
          platforms: `linux/${architecture}`,
          'push-by-digest': 'true',
          'test-command': BUSYBOX_TEST_COMMAND
        }
      })
    }
  })

  it.for(['amd64', 'arm64'] as const)(
    'the linux/%s run pushes its image by digest only: no tag, tag and tags outputs empty',
    async (architecture, { env }) => {
      const run = runs[architecture] as ActionRun
      expect(run.main.exitCode, run.main.stdout).toBe(0)
      expect(run.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
      expect(run.outputs).toMatchObject({ image: `${env.registry}/${path}`, tag: '', tags: '' })
      expect(await manifestType(env, path, run.outputs.digest ?? '')).toMatch(/manifest|index/)
      expect(await tagDigest(path, shaTag)).toBeUndefined()
      expect(run.main.stdout).not.toMatch(/\[command\]\S*docker push /)
      expect(run.summary).toContain('by digest, for merge')
    }
  )

  it('tests the native run and says the arm64 one was only built, unless arm64 is emulated', () => {
    expect(runs.amd64?.summary).toContain('| Platform `linux/amd64` | built and tested |')
    const arm = emulatedArchitectures().has('arm64') ? 'built and tested' : 'built only'
    expect(runs.arm64?.summary).toContain(`| Platform \`linux/arm64\` | ${arm}`)
  })

  it('merge joins both digests into one index under the SHA tag, its digest the registry’s', async ({
    merge
  }) => {
    const digests = [runs.amd64?.outputs.digest, runs.arm64?.outputs.digest]
    const merged = await merge({
      repository: path,
      workspace,
      inputs: { digests: digests.join('\n') }
    })
    expect(merged.main.exitCode, merged.main.stdout).toBe(0)
    expect(await tagDigest(path, shaTag)).toBe(merged.outputs.digest)
    const [index] = await storedObjects(path, shaTag)
    const json = JSON.parse(index?.content.toString('utf8') ?? '{}') as IndexJson
    const platforms = json.manifests
      .filter(
        (entry) => entry.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest'
      )
      .map((entry) => `${entry.platform?.os ?? ''}/${entry.platform?.architecture ?? ''}`)
    expect(platforms).toEqual(['linux/amd64', 'linux/arm64'])
  })
})
