// Images in the registry behind the token service: pushed with docker, read with tokens of our own.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testEnv } from '../test-env.js'

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ')

let dockerConfig: string | undefined

function docker(args: string[]): string {
  if (dockerConfig === undefined) {
    dockerConfig = mkdtempSync(join(tmpdir(), 'test-docker-config-'))
    const { tokenRegistry, username, password } = testEnv()
    execFileSync('docker', ['login', '--username', username, '--password-stdin', tokenRegistry], {
      env: { ...process.env, DOCKER_CONFIG: dockerConfig },
      input: password,
      stdio: ['pipe', 'ignore', 'inherit']
    })
  }
  return execFileSync('docker', args, {
    env: { ...process.env, DOCKER_CONFIG: dockerConfig, DOCKER_BUILDKIT: '0' },
    encoding: 'utf8'
  })
}

/** A token for the repository from the token service, asked for directly (it counts as issued). */
export async function bearerToken(repository: string, actions = 'pull'): Promise<string> {
  const { tokenServer, tokenRegistry, username, password } = testEnv()
  const challenge = (await fetch(`http://${tokenRegistry}/v2/`)).headers.get('www-authenticate')
  const service = /service="([^"]*)"/.exec(challenge ?? '')?.[1]
  if (service === undefined) throw new Error(`${tokenRegistry} sent no Bearer challenge`)
  const url = new URL('/token', tokenServer)
  url.searchParams.set('service', service)
  url.searchParams.set('scope', `repository:${repository}:${actions}`)
  const response = await fetch(url, {
    headers: {
      authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
    }
  })
  if (response.status !== 200) throw new Error(`the token service answered ${response.status}`)
  return ((await response.json()) as { token: string }).token
}

/** The digest a tag points at in the token registry, or undefined when absent. */
export async function tokenTagDigest(path: string, tag: string): Promise<string | undefined> {
  const response = await fetch(`http://${testEnv().tokenRegistry}/v2/${path}/manifests/${tag}`, {
    method: 'HEAD',
    headers: { accept: ACCEPT, authorization: `Bearer ${await bearerToken(path)}` }
  })
  if (response.status === 404) return undefined
  if (response.status !== 200)
    throw new Error(`registry answered ${response.status} for ${path}:${tag}`)
  return response.headers.get('docker-content-digest') ?? undefined
}

/** Builds a one-file image from the busybox base, pushes it as path:tag, returns its digest. */
export async function pushTokenImage(path: string, tag: string): Promise<string> {
  const context = mkdtempSync(join(tmpdir(), 'image-'))
  try {
    writeFileSync(join(context, 'content.txt'), `${path}:${tag}:${Math.random()}`)
    writeFileSync(
      join(context, 'Dockerfile'),
      'FROM immutable-image-base/busybox:1\nCOPY content.txt /content.txt\n'
    )
    const reference = `${testEnv().tokenRegistry}/${path}:${tag}`
    docker(['build', '--quiet', '--tag', reference, context])
    docker(['push', '--quiet', reference])
  } finally {
    rmSync(context, { recursive: true, force: true })
  }
  const digest = await tokenTagDigest(path, tag)
  if (digest === undefined)
    throw new Error(`pushed ${path}:${tag} but the registry does not list it`)
  return digest
}
