// No test connects off this machine's loopback: private-range traffic is forbidden here, and a test
// whose guard against it regresses must fail without a packet leaving (fetch, node:http and TLS all
// connect through Socket.prototype.connect).
import { Socket } from 'node:net'
import { neighbourhood } from '../../src/registry/realm.js'

/** Hosts a test tried to reach off loopback since the last `clear`, oldest first. */
export const offLoopbackAttempts: string[] = []

const GUARDED = Symbol.for('immutable-image.loopback-only')
const prototype = Socket.prototype as Socket & { [GUARDED]?: true }

if (prototype[GUARDED] !== true) {
  prototype[GUARDED] = true
  // eslint-disable-next-line @typescript-eslint/unbound-method -- wrapped, always called with its socket
  const connect = Socket.prototype.connect
  Socket.prototype.connect = function loopbackOnly(this: Socket, ...args: unknown[]): Socket {
    const first = (Array.isArray(args[0]) ? args[0][0] : args[0]) as unknown
    const host =
      typeof first === 'object' && first !== null
        ? (first as { host?: string; path?: string }).path === undefined
          ? ((first as { host?: string }).host ?? 'localhost')
          : undefined
        : typeof first === 'string' && !/^\d+$/.test(first)
          ? undefined // a Unix socket path
          : ((args[1] as string | undefined) ?? 'localhost')
    if (host !== undefined && neighbourhood(host) !== 'loopback') {
      offLoopbackAttempts.push(host)
      process.nextTick(() => this.destroy(new Error(`test guard: no connection to ${host}`)))
      return this
    }
    return (connect as (...parameters: unknown[]) => Socket).apply(this, args)
  }
}
