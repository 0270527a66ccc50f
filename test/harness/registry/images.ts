// Small distinct images pushed straight to a test registry, for promotion tests.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testEnv } from '../test-env.js'
import { tagDigest } from './tags.js'

/** One Docker config per registry, logged in with the test credentials on first use. */
const dockerConfigs = new Map<string, string>()

function docker(registry: string, args: string[]): string {
  let dockerConfig = dockerConfigs.get(registry)
  if (dockerConfig === undefined) {
    dockerConfig = mkdtempSync(join(tmpdir(), 'test-docker-config-'))
    const { username, password } = testEnv()
    execFileSync('docker', ['login', '--username', username, '--password-stdin', registry], {
      env: { ...process.env, DOCKER_CONFIG: dockerConfig },
      input: password,
      stdio: ['pipe', 'ignore', 'inherit']
    })
    dockerConfigs.set(registry, dockerConfig)
  }
  // The legacy builder's deprecation notice stays out of the test log; a failure still carries stderr.
  return execFileSync('docker', args, {
    env: { ...process.env, DOCKER_CONFIG: dockerConfig, DOCKER_BUILDKIT: '0' },
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe']
  })
}

export interface ImageToPush {
  /** host:port; the authenticated test registry by default. */
  readonly registry?: string
  readonly content?: string
  /** Go on the image as `--label key=value`. */
  readonly labels?: Record<string, string>
}

/** Builds a one-file image from the busybox base and pushes it as registry/path:tag. */
export function buildAndPush(path: string, tag: string, image: ImageToPush = {}): void {
  const registry = image.registry ?? testEnv().registry
  const context = mkdtempSync(join(tmpdir(), 'image-'))
  try {
    writeFileSync(join(context, 'content.txt'), image.content ?? `${path}:${tag}:${Math.random()}`)
    writeFileSync(
      join(context, 'Dockerfile'),
      'FROM immutable-image-base/busybox:1\nCOPY content.txt /content.txt\n'
    )
    const reference = `${registry}/${path}:${tag}`
    const labelArgs = Object.entries(image.labels ?? {}).flatMap(([key, value]) => [
      '--label',
      `${key}=${value}`
    ])
    docker(registry, ['build', '--quiet', ...labelArgs, '--tag', reference, context])
    docker(registry, ['push', '--quiet', reference])
  } finally {
    rmSync(context, { recursive: true, force: true })
  }
}

/**
 * Builds a one-file image from the busybox base, pushes it as path:tag to the test registry,
 * returns its digest. `labels` go on the image as `--label key=value`.
 */
export async function pushImage(
  path: string,
  tag: string,
  content?: string,
  labels: Record<string, string> = {}
): Promise<string> {
  buildAndPush(path, tag, { labels, ...(content === undefined ? {} : { content }) })
  const digest = await tagDigest(path, tag)
  if (digest === undefined)
    throw new Error(`pushed ${path}:${tag} but the registry does not list it`)
  return digest
}
