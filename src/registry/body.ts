// Reading a registry's answer with a cap: a hostile registry cannot make us hold more than we chose.

const MiB = 1024 * 1024

/** The distribution spec lets registries refuse manifests over 4 MiB; we refuse to read more. */
export const MANIFEST_BODY_LIMIT = 4 * MiB
/** Token answers and error bodies are a few hundred bytes; 1 MiB is generous. */
export const TOKEN_BODY_LIMIT = MiB
export const ERROR_BODY_LIMIT = MiB
/**
 * An image config holds labels, environment and one history entry per layer: tens of KiB in
 * practice. No spec sets a limit; 8 MiB leaves room for images with thousands of layers.
 */
export const CONFIG_BODY_LIMIT = 8 * MiB

export class BodyTooLargeError extends Error {
  constructor(
    readonly limit: number,
    what: string
  ) {
    super(`${what} is larger than ${formatLimit(limit)}: stopped reading`)
    this.name = 'BodyTooLargeError'
  }
}

export function formatLimit(bytes: number): string {
  return bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${bytes} bytes`
}

/**
 * Reads a body chunk by chunk and gives up as soon as it passes `limit`: `stop` then tears the
 * connection down, so the rest is never received. A Content-Length over the limit fails at once.
 */
export async function readCapped(
  body: AsyncIterable<Uint8Array>,
  declaredLength: string | null,
  limit: number,
  what: string,
  stop: () => void
): Promise<Buffer> {
  if (declaredLength !== null && Number(declaredLength) > limit) {
    stop()
    throw new BodyTooLargeError(limit, what)
  }
  const chunks: Uint8Array[] = []
  let received = 0
  for await (const chunk of body) {
    received += chunk.byteLength
    if (received > limit) {
      stop()
      throw new BodyTooLargeError(limit, what)
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}
