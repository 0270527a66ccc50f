// Images in the registry behind the token service: pushed with docker, read with tokens of our own.
import { testEnv } from '../test-env.js'
import { buildAndPush } from './images.js'
import { MANIFEST_ACCEPT } from './tags.js'

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
    headers: { accept: MANIFEST_ACCEPT, authorization: `Bearer ${await bearerToken(path)}` }
  })
  if (response.status === 404) return undefined
  if (response.status !== 200)
    throw new Error(`registry answered ${response.status} for ${path}:${tag}`)
  return response.headers.get('docker-content-digest') ?? undefined
}

/** Builds a one-file image from the busybox base, pushes it as path:tag, returns its digest. */
export async function pushTokenImage(path: string, tag: string): Promise<string> {
  buildAndPush(path, tag, { registry: testEnv().tokenRegistry })
  const digest = await tokenTagDigest(path, tag)
  if (digest === undefined)
    throw new Error(`pushed ${path}:${tag} but the registry does not list it`)
  return digest
}
