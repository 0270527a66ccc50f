// Moving a tag to an existing image, six ways: our promote (recorded or not), the least a Node promote
// can do, skopeo, docker, two curls.
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { HarnessSession } from '../../test/harness/session.js'
import type { CountingProxy } from '../../test/harness/registry/counting-proxy.js'
import { runAction } from '../../test/harness/runner/runner.js'
import { makeWorkspace } from '../../test/harness/workspace.js'
import { MANIFEST_ACCEPT } from '../../test/harness/registry/tags.js'
import { runCommand } from './command.js'
import { benchRepository, BENCH_IMAGES, ensureImage } from './images.js'
import { PROMOTERS, type BenchImage, type Promoter, type PromotionRow } from './results.js'
import { measure, stepTimer } from './sampling.js'
import { summarize, type Sample } from './stats.js'

/** What every way of promoting needs: the proxy to go through and credentials for it. */
export interface PromotionContext {
  readonly proxy: CountingProxy
  readonly harness: HarnessSession
  /** Environment for docker: the test engine, and a config logged in to the proxy. */
  readonly dockerEnv: NodeJS.ProcessEnv
  /** That config's config.json, which skopeo reads as its auth file. */
  readonly authFile: string
  /** A netrc file with the registry credentials, so they stay out of curl's arguments. */
  readonly netrcFile: string
  readonly log: (text: string) => void
}

/** Runs one promotion of bench/<image>:src to `target`; may report its own duration in ms. */
type Promote = (
  context: PromotionContext,
  image: BenchImage,
  target: string
) => Promise<number | undefined>

const ourPromote =
  (record: boolean): Promote =>
  async ({ harness, proxy }, image, target) => {
    const timer = stepTimer()
    const run = await harness.promote({
      repository: benchRepository(image),
      registry: proxy.host,
      inputs: { source: 'src', target, record: String(record) },
      onMainSpawn: timer.onMainSpawn
    })
    if (run.main.exitCode !== 0)
      throw new Error(`promote of ${image.name} failed: ${run.errors.join('; ').slice(0, 400)}`)
    return timer.elapsed()
  }

/** scripts/bench/minimal-promote under the same runner emulation and timer as ours. */
const minimalPromote: Promote = async ({ harness, proxy }, image, target) => {
  const timer = stepTimer()
  const run = await runAction({
    action: 'scripts/bench/minimal-promote',
    workspace: makeWorkspace({}, { example: false }).dir,
    eventName: 'workflow_dispatch',
    inputs: {
      image: `${proxy.host}/${benchRepository(image)}`,
      username: harness.env.username,
      password: harness.env.password,
      source: 'src',
      target
    },
    onMainSpawn: timer.onMainSpawn
  })
  if (run.main.exitCode !== 0)
    throw new Error(`minimal promote of ${image.name} failed: ${run.main.stdout.slice(0, 400)}`)
  return timer.elapsed()
}

const skopeoCopy: Promote = async ({ proxy, authFile }, image, target) => {
  const repository = `docker://${proxy.host}/${benchRepository(image)}`
  await runCommand('skopeo', [
    'copy',
    '--quiet',
    '--authfile',
    authFile,
    '--src-tls-verify=false',
    '--dest-tls-verify=false',
    `${repository}:src`,
    `${repository}:${target}`
  ])
  return undefined
}

/** Removes what docker pulled so every docker run starts without the layers. */
async function forgetLocalImages(context: PromotionContext, image: BenchImage): Promise<void> {
  const listed = await runCommand(
    'docker',
    ['images', '-q', `${context.proxy.host}/${benchRepository(image)}`],
    { env: context.dockerEnv }
  )
  const ids = [...new Set(listed.split('\n').filter(Boolean))]
  if (ids.length > 0)
    await runCommand('docker', ['image', 'rm', '-f', ...ids], { env: context.dockerEnv })
}

const dockerRetag: Promote = async ({ proxy, dockerEnv }, image, target) => {
  const repository = `${proxy.host}/${benchRepository(image)}`
  await runCommand('docker', ['pull', '--quiet', `${repository}:src`], { env: dockerEnv })
  await runCommand('docker', ['tag', `${repository}:src`, `${repository}:${target}`], {
    env: dockerEnv
  })
  await runCommand('docker', ['push', '--quiet', `${repository}:${target}`], { env: dockerEnv })
  return undefined
}

/**
 * The least any tool can do: GET the source manifest, PUT it under the target tag with the media
 * type the registry gave (the engine's containerd store pushes OCI indexes).
 */
const curlFloor: Promote = async ({ proxy, netrcFile }, image, target) => {
  const manifests = `http://${proxy.host}/v2/${benchRepository(image)}/manifests`
  const body = join(tmpdir(), `bench-manifest-${target}`)
  try {
    const mediaType = await runCommand('curl', [
      '-sf',
      '--netrc-file',
      netrcFile,
      '-H',
      `Accept: ${MANIFEST_ACCEPT}`,
      '-o',
      body,
      '-w',
      '%{content_type}',
      `${manifests}/src`
    ])
    await runCommand('curl', [
      '-sf',
      '--netrc-file',
      netrcFile,
      '-X',
      'PUT',
      '-H',
      `Content-Type: ${mediaType}`,
      '--data-binary',
      `@${body}`,
      `${manifests}/${target}`
    ])
  } finally {
    rmSync(body, { force: true })
  }
  return undefined
}

const PROMOTE: Record<Promoter, Promote> = {
  'immutable-image promote': ourPromote(true),
  'immutable-image promote (record: false)': ourPromote(false),
  'minimal node:http promote (reference)': minimalPromote,
  'skopeo copy': skopeoCopy,
  'docker pull + tag + push': dockerRetag,
  'curl floor (GET + PUT)': curlFloor
}

/** The samples of one tool on one image, and how many it takes (docker on 1 GB twice: it moves every byte). */
interface ToolRuns {
  readonly tool: Promoter
  readonly runs: number
  readonly samples: Sample[]
}

async function promoteOnce(
  context: PromotionContext,
  image: BenchImage,
  tool: Promoter
): Promise<Sample> {
  if (tool === 'docker pull + tag + push') await forgetLocalImages(context, image)
  // A fresh target every run, so every run really moves a tag.
  const target = `t-${randomBytes(4).toString('hex')}`
  return measure(context.proxy, () => PROMOTE[tool](context, image, target))
}

/**
 * Every tool on every image, `runs` times each after a warm-up. The tools take turns run by run, so
 * a burst of load on the shared machine falls on all of them rather than on one.
 */
export async function benchPromotion(
  context: PromotionContext,
  registry: string,
  runs: number
): Promise<PromotionRow[]> {
  const rows: PromotionRow[] = []
  for (const image of BENCH_IMAGES) {
    await ensureImage(image, registry, context.dockerEnv, context.log)
    const tools: ToolRuns[] = PROMOTERS.map((tool) => ({
      tool,
      runs: tool === 'docker pull + tag + push' && image.megabytes >= 1000 ? 2 : runs,
      samples: []
    }))
    for (let index = -1; index < runs; index++) {
      for (const entry of tools.filter((candidate) => index < candidate.runs)) {
        const sample = await promoteOnce(context, image, entry.tool)
        if (index >= 0) entry.samples.push(sample)
      }
    }
    for (const { tool, samples } of tools) {
      const row = { image, tool, ...summarize(samples) }
      context.log(
        `${image.name} ${tool}: ${row.median.toFixed(0)} ms, ${row.requests} requests, ${row.bytes} bytes`
      )
      rows.push(row)
    }
  }
  return rows
}
