// The images promoted: incompressible data in one or many layers, pushed once to the test registry.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { tagDigest } from '../../test/harness/registry/tags.js'
import { runCommand } from './command.js'
import type { BenchImage } from './results.js'

export const BENCH_IMAGES: readonly BenchImage[] = [
  { name: '5mb-1', megabytes: 5, layers: 1 },
  { name: '5mb-20', megabytes: 5, layers: 20 },
  { name: '200mb-1', megabytes: 200, layers: 1 },
  { name: '200mb-20', megabytes: 200, layers: 20 },
  { name: '1gb-1', megabytes: 1000, layers: 1 }
]

/** The image's repository in the registry; its source tag is `src`. */
export const benchRepository = (image: BenchImage): string => `bench/${image.name}`

/** Builds and pushes `<registry>/bench/<name>:src` unless the registry has it from an earlier run. */
export async function ensureImage(
  image: BenchImage,
  registry: string,
  dockerEnv: NodeJS.ProcessEnv,
  log: (text: string) => void
): Promise<void> {
  if ((await tagDigest(benchRepository(image), 'src')) !== undefined) return
  log(`building ${image.name} (${image.megabytes} MB in ${image.layers} layers)`)
  const reference = `${registry}/${benchRepository(image)}:src`
  const context = mkdtempSync(join(tmpdir(), 'bench-image-'))
  try {
    const steps = ['FROM scratch']
    for (let layer = 0; layer < image.layers; layer++) {
      const file = `layer-${layer}.bin`
      const bytes = Math.round((image.megabytes * 1e6) / image.layers)
      execFileSync('head', ['-c', String(bytes), '/dev/urandom'], {
        stdio: ['ignore', openSync(join(context, file), 'w'), 'inherit']
      })
      steps.push(`COPY ${file} /${file}`)
    }
    writeFileSync(join(context, 'Dockerfile'), `${steps.join('\n')}\n`)
    await runCommand('docker', ['build', '--quiet', '--tag', reference, context], {
      env: { ...dockerEnv, DOCKER_BUILDKIT: '0' }
    })
    await runCommand('docker', ['push', '--quiet', reference], { env: dockerEnv })
    await runCommand('docker', ['image', 'rm', reference], { env: dockerEnv })
  } finally {
    rmSync(context, { recursive: true, force: true })
  }
}
