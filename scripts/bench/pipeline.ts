// The core action on examples/hello against a plain build/run/push script, and a re-run of its SHA.
import { randomBytes } from 'node:crypto'
import type { CountingProxy } from '../../test/harness/registry/counting-proxy.js'
import type { HarnessSession } from '../../test/harness/session.js'
import { commitChange, makeWorkspace, type Workspace } from '../../test/harness/workspace.js'
import { runCommand } from './command.js'
import { PIPELINE_RUNS, type PipelineResult } from './results.js'
import { measure, sampleRuns, stepTimer } from './sampling.js'
import { summarize, type Sample } from './stats.js'

const newVersion = (): Record<string, string> => ({
  'version.js': `export const version = '${randomBytes(4).toString('hex')}'\n`
})

async function ourPipeline(
  harness: HarnessSession,
  proxy: CountingProxy,
  repository: string,
  workspace: Workspace,
  inputs: Record<string, string>
): Promise<number> {
  const timer = stepTimer()
  const run = await harness.build({ workspace, repository, registry: proxy.host, inputs, ...timer })
  if (run.main.exitCode !== 0)
    throw new Error(`the core action failed: ${run.errors.join('; ').slice(0, 400)}`)
  return timer.elapsed()
}

/**
 * `docker build` as the CLI runs it by default where buildx is installed (BuildKit, as on GitHub's
 * runners), or with the legacy builder (`DOCKER_BUILDKIT=0`, deprecated) for reference.
 */
type Builder = 'buildkit' | 'legacy'

async function plainScript(
  tag: string,
  dir: string,
  dockerEnv: NodeJS.ProcessEnv,
  builder: Builder
): Promise<undefined> {
  await runCommand('docker', ['build', '--quiet', '--tag', tag, dir], {
    env: { ...dockerEnv, ...(builder === 'legacy' ? { DOCKER_BUILDKIT: '0' } : {}) }
  })
  const testInside = ['--network', 'none', '--entrypoint', '/bin/sh', tag, '-c', 'node --test']
  await runCommand('docker', ['run', '--rm', ...testInside], { env: dockerEnv })
  await runCommand('docker', ['push', '--quiet', tag], { env: dockerEnv })
  return undefined
}

export async function benchPipeline(
  harness: HarnessSession,
  proxy: CountingProxy,
  dockerEnv: NodeJS.ProcessEnv,
  runs: number
): Promise<PipelineResult> {
  const repository = `bench/hello-${randomBytes(3).toString('hex')}`
  let head = makeWorkspace()
  const build = {
    'test-network': 'none',
    'test-timeout': '900',
    push: 'true',
    'if-exists': 'skip',
    'sha-format': 'short',
    comment: 'false'
  }
  const nextCommit = (): Workspace => ({ dir: head.dir, sha: commitChange(head.dir, newVersion()) })
  const ours: Sample[] = []
  const script: Sample[] = []
  const legacyScript: Sample[] = []
  // Rounds take the three in turn on new commits, so all see the same load on the machine.
  for (let round = -1; round < PIPELINE_RUNS; round++) {
    const samples: Sample[] = []
    for (const builder of ['buildkit', 'legacy'] as const) {
      head = nextCommit()
      const tag = `${proxy.host}/${repository}:plain-${builder}-${round + 1}`
      samples.push(await measure(proxy, () => plainScript(tag, head.dir, dockerEnv, builder)))
    }
    head = nextCommit()
    const ourSample = await measure(proxy, () =>
      ourPipeline(harness, proxy, repository, head, build)
    )
    if (round >= 0) {
      const [buildkit, legacy] = samples
      if (buildkit !== undefined) script.push(buildkit)
      if (legacy !== undefined) legacyScript.push(legacy)
      ours.push(ourSample)
    }
  }
  // The SHA tag of the last commit exists now: a re-run finds it and skips the build.
  const rerun = await sampleRuns(runs, () =>
    measure(proxy, () =>
      ourPipeline(harness, proxy, repository, head, { 'if-exists': 'skip', comment: 'false' })
    )
  )
  return {
    ours: summarize(ours),
    script: summarize(script),
    legacyScript: summarize(legacyScript),
    rerun: summarize(rerun)
  }
}
