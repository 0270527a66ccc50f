// A signature and an attestation of the SHA-tagged digest are still found through a promoted tag.
import { describe, expect } from 'vitest'
import {
  attachArtifact,
  cosignKeyPair,
  cosignSign,
  cosignVerify,
  freshRepository,
  it,
  makeWorkspace,
  oras,
  type ActionRun,
  type CosignKey
} from '../harness/index.js'

const ATTESTATION_TYPE = 'application/vnd.in-toto+json'

interface Discovered {
  readonly manifests?: readonly { readonly digest: string; readonly artifactType?: string }[]
}

describe('referrers of the SHA-tagged digest, after promotion', () => {
  const path = freshRepository('referrers')
  let image: string
  let built: ActionRun
  let promoted: ActionRun
  let key: CosignKey

  it.beforeAll(async ({ build, env, promote }) => {
    image = `${env.openRegistry}/${path}`
    const workspace = makeWorkspace()
    built = await build({ workspace, registry: env.openRegistry, repository: path, login: false })
    const digest = built.outputs.digest ?? 'missing'
    const attestation = JSON.stringify({ subject: [{ name: image, digest }], run: workspace.sha })
    attachArtifact(`${image}@${digest}`, ATTESTATION_TYPE, attestation)
    key = cosignKeyPair()
    cosignSign(key, `${image}@${digest}`)
    promoted = await promote({
      registry: env.openRegistry,
      repository: path,
      login: false,
      inputs: { source: built.outputs.tag ?? 'missing', target: 'staging' }
    })
  })

  it('moves staging to the digest the build pushed', () => {
    expect(built.main.exitCode, built.main.stdout).toBe(0)
    expect(built.outputs.pushed).toBe('true')
    expect(promoted.main.exitCode, promoted.main.stdout).toBe(0)
    expect(promoted.outputs.digest).toBe(built.outputs.digest)
    expect(oras(['resolve', `${image}:staging`]).trim()).toBe(built.outputs.digest)
  })

  it('lists the attestation through the staging tag with oras discover', () => {
    const discovered = JSON.parse(
      oras(['discover', '--format', 'json', `${image}:staging`])
    ) as Discovered
    const attestations = (discovered.manifests ?? []).filter(
      (entry) => entry.artifactType === ATTESTATION_TYPE
    )
    expect(attestations).toHaveLength(1)
  })

  it('verifies the cosign signature through the staging tag', () => {
    const verified = JSON.parse(cosignVerify(key, `${image}:staging`)) as {
      critical: { image: { 'docker-manifest-digest': string } }
    }[]
    expect(verified.map((entry) => entry.critical.image['docker-manifest-digest'])).toEqual([
      built.outputs.digest
    ])
  })

  it('refuses a digest nobody signed, so the verification above can fail', () => {
    const discovered = JSON.parse(
      oras(['discover', '--format', 'json', `${image}:staging`])
    ) as Discovered
    const unsigned = discovered.manifests?.find((entry) => entry.artifactType === ATTESTATION_TYPE)
    expect(() => cosignVerify(key, `${image}@${unsigned?.digest ?? 'missing'}`)).toThrow(
      /no signatures found|no matching signatures/i
    )
  })
})
