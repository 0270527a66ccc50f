// Pure argv for the build-push-action inputs: the flags each build gets, and the secrets' environment.
import type { BuildxInputs } from '../settings/buildx-inputs.js'

export interface InputFlags {
  /** Flags for `docker build` / `docker buildx build`, before the context. */
  readonly args: readonly string[]
  /** Secret values, by the variable the `--secret …,env=` flags name; never on the command line. */
  readonly env: Readonly<Record<string, string>>
}

export interface InputBuild {
  readonly buildx: boolean
  /**
   * The shipped build exports the cache and makes the attestations; the test stage, built FROM it
   * right after, must reuse its layers, so it neither pulls again nor skips the cache.
   */
  readonly stage: 'shipped' | 'test'
}

/** The variable that carries the n-th `secrets` value to buildx. */
export function secretEnvName(index: number): string {
  return `IMMUTABLE_IMAGE_SECRET_${index}`
}

export function inputFlags(inputs: BuildxInputs, build: InputBuild): InputFlags {
  const args: string[] = []
  const env: Record<string, string> = {}
  const shipped = build.stage === 'shipped'
  if (shipped && inputs.pull) args.push('--pull')
  if (shipped && inputs.noCache) args.push('--no-cache')
  if (inputs.shmSize !== undefined) args.push('--shm-size', inputs.shmSize)
  for (const ulimit of inputs.ulimits) args.push('--ulimit', ulimit)
  for (const host of inputs.addHosts) args.push('--add-host', host)
  if (!build.buildx) return { args, env }
  inputs.secrets.forEach(({ id, value }, index) => {
    const name = secretEnvName(index)
    args.push('--secret', `id=${id},env=${name}`)
    env[name] = value
  })
  for (const { id, envName } of inputs.secretEnvs) args.push('--secret', `id=${id},env=${envName}`)
  for (const context of inputs.buildContexts) args.push('--build-context', context)
  for (const ssh of inputs.ssh) args.push('--ssh', ssh)
  for (const from of inputs.cacheFrom) args.push('--cache-from', from)
  if (shipped) {
    for (const to of inputs.cacheTo) args.push('--cache-to', to)
    if (inputs.provenance !== undefined) {
      args.push('--attest', `type=provenance,${inputs.provenance}`)
    }
    if (inputs.sbom !== undefined) args.push('--attest', `type=sbom,${inputs.sbom}`)
  }
  return { args, env }
}
