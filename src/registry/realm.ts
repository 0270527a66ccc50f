// Where a registry may send us for a token: the realm policy that keeps credentials at home.
import { BlockList, isIP } from 'node:net'

type Neighbourhood = 'loopback' | 'private' | 'link-local' | 'public'

function blockList(subnets: readonly [string, number, 'ipv4' | 'ipv6'][]): BlockList {
  const list = new BlockList()
  for (const [network, prefix, type] of subnets) list.addSubnet(network, prefix, type)
  return list
}

const LOOPBACK = blockList([
  ['127.0.0.0', 8, 'ipv4'],
  ['0.0.0.0', 32, 'ipv4'],
  ['::1', 128, 'ipv6'],
  ['::', 128, 'ipv6']
])
const LINK_LOCAL = blockList([
  ['169.254.0.0', 16, 'ipv4'],
  ['fe80::', 10, 'ipv6']
])
const PRIVATE = blockList([
  ['10.0.0.0', 8, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['fc00::', 7, 'ipv6']
])
/** NAT64's well-known prefix: an IPv6-only runner reaches the IPv4 address in the last 32 bits. */
const NAT64 = blockList([['64:ff9b::', 96, 'ipv6']])

function nat64Target(ipv6: string): string | undefined {
  if (!NAT64.check(ipv6, 'ipv6')) return undefined
  const groups = ipv6.split(':')
  const last = groups.at(-1) ?? ''
  if (last.includes('.')) return last
  const high = parseInt(groups.at(-2) || '0', 16)
  const low = parseInt(last || '0', 16)
  return [high >> 8, high & 255, low >> 8, low & 255].join('.')
}

/**
 * Which network a host is on, from its address alone (a NAT64 address by the IPv4 address it
 * reaches). Names other than localhost count as public:
 * resolving them here would not stop a name that resolves differently when the token is fetched.
 */
export function neighbourhood(hostname: string): Neighbourhood {
  // A trailing dot names the same host, fully qualified: `localhost.` is loopback too.
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.+$/, '')
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback'
  const family = isIP(host)
  if (family === 0) return 'public'
  const type = family === 4 ? 'ipv4' : 'ipv6'
  const translated = type === 'ipv6' ? nat64Target(host) : undefined
  if (translated !== undefined) return neighbourhood(translated)
  if (LOOPBACK.check(host, type)) return 'loopback'
  if (LINK_LOCAL.check(host, type)) return 'link-local'
  if (PRIVATE.check(host, type)) return 'private'
  return 'public'
}

/**
 * Why the registry at `registryUrl` may not send us to `realm` for a token, or undefined when it
 * may. Credentials travel to a realm only over https, unless the registry and the realm are both
 * on loopback (where Docker speaks plain http too); a realm on loopback, link-local or private addresses is refused
 * unless the registry lives there as well, so a hostile registry cannot aim us at the cloud
 * metadata service or another machine on the runner's network.
 */
export function realmRefusal(registryUrl: string, realm: string): string | undefined {
  let target: URL
  try {
    target = new URL(realm)
  } catch {
    return 'it is not a URL'
  }
  const registry = new URL(registryUrl)
  const registryPlace = neighbourhood(registry.hostname)
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    return `it uses ${target.protocol.replace(/:$/, '')}, not https`
  }
  const realmPlace = neighbourhood(target.hostname)
  if (target.protocol === 'http:' && (registryPlace !== 'loopback' || realmPlace !== 'loopback')) {
    return 'it uses plain http: credentials go only over https'
  }
  if (target.username !== '' || target.password !== '') return 'it carries credentials of its own'
  if (target.host === registry.host) return undefined
  if (realmPlace !== 'public' && realmPlace !== registryPlace) {
    return `it is on a ${realmPlace} address and the registry is not`
  }
  return undefined
}

/**
 * Why a registry may not redirect a request to `target` (a blob to its storage, usually), or
 * undefined when it may. No credentials cross origins on a redirect, so plain http is fine; but a
 * registry cannot aim us at a neighbourhood it is not in, such as the cloud metadata service.
 */
export function redirectRefusal(registryUrl: string, target: URL): string | undefined {
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    return `it uses ${target.protocol.replace(/:$/, '')}, not http or https`
  }
  const targetPlace = neighbourhood(target.hostname)
  if (targetPlace !== 'public' && targetPlace !== neighbourhood(new URL(registryUrl).hostname)) {
    return `it is on a ${targetPlace} address and the registry is not`
  }
  return undefined
}
