// Which parts of the benchmark a run measures: BENCH_ONLY=promote,cold-start limits it, for iterating.

/** In the order a full run measures them. */
export const BENCH_PARTS = ['promote', 'cold-start', 'pipeline', 'build-cache'] as const

export type BenchPart = (typeof BENCH_PARTS)[number]

/** The parts named in BENCH_ONLY (comma-separated); every part when it is unset or empty. */
export function partsFromEnvironment(given = process.env.BENCH_ONLY ?? ''): Set<BenchPart> {
  if (given.trim() === '') return new Set(BENCH_PARTS)
  const named = given.split(',').map((part) => part.trim())
  const unknown = named.filter((part) => !(BENCH_PARTS as readonly string[]).includes(part))
  if (unknown.length > 0)
    throw new Error(`BENCH_ONLY: '${unknown.join(', ')}' is none of ${BENCH_PARTS.join(', ')}`)
  return new Set(named as BenchPart[])
}
