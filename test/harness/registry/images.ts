// Small distinct images pushed straight to the test registry, for promotion tests.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { tagDigest } from './tags.js'
import { testEnv } from '../test-env.js'

let dockerConfig: string | undefined

function docker(args: string[], input?: string): string {
  if (dockerConfig === undefined) {
    dockerConfig = mkdtempSync(join(tmpdir(), 'test-docker-config-'))
    const { registry, username, password } = testEnv()
    execFileSync('docker', ['login', '--username', username, '--password-stdin', registry], {
      env: { ...process.env, DOCKER_CONFIG: dockerConfig },
      input: password,
      stdio: ['pipe', 'ignore', 'inherit']
    })
  }
  // The legacy builder's deprecation notice stays out of the test log; a failure still carries stderr.
  return execFileSync('docker', args, {
    env: { ...process.env, DOCKER_CONFIG: dockerConfig, DOCKER_BUILDKIT: '0' },
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(input === undefined ? {} : { input })
  })
}

/**
 * Builds a one-file image from the busybox base, pushes it as path:tag, returns its digest.
 * `labels` go on the image as `--label key=value`.
 */
export async function pushImage(
  path: string,
  tag: string,
  content = `${path}:${tag}:${Math.random()}`,
  labels: Record<string, string> = {}
): Promise<string> {
  const context = mkdtempSync(join(tmpdir(), 'image-'))
  try {
    writeFileSync(join(context, 'content.txt'), content)
    writeFileSync(
      join(context, 'Dockerfile'),
      'FROM immutable-image-base/busybox:1\nCOPY content.txt /content.txt\n'
    )
    const reference = `${testEnv().registry}/${path}:${tag}`
    const labelArgs = Object.entries(labels).flatMap(([key, value]) => [
      '--label',
      `${key}=${value}`
    ])
    docker(['build', '--quiet', ...labelArgs, '--tag', reference, context])
    docker(['push', '--quiet', reference])
  } finally {
    rmSync(context, { recursive: true, force: true })
  }
  const digest = await tagDigest(path, tag)
  if (digest === undefined)
    throw new Error(`pushed ${path}:${tag} but the registry does not list it`)
  return digest
}
