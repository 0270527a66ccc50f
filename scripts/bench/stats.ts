// Medians and ranges of repeated measurements: the numbers every table and goal is made of.

/** One timed run of a tool, with what crossed the counting proxy meanwhile. */
export interface Sample {
  readonly ms: number
  readonly requests: number
  readonly bytes: number
}

export interface Summary {
  readonly median: number
  readonly min: number
  readonly max: number
  /** Median registry requests per run. */
  readonly requests: number
  /** Median request and response body bytes per run. */
  readonly bytes: number
  readonly runs: number
}

/** The middle value; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const upper = sorted[middle] ?? 0
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2
}

export function summarize(samples: readonly Sample[]): Summary {
  const times = samples.map((sample) => sample.ms)
  return {
    median: median(times),
    min: Math.min(...times),
    max: Math.max(...times),
    requests: median(samples.map((sample) => sample.requests)),
    bytes: median(samples.map((sample) => sample.bytes)),
    runs: samples.length
  }
}

/** How many times `measured` the `baseline` is. */
export function ratio(measured: number, baseline: number): number {
  if (!(baseline > 0)) throw new Error(`ratio against a baseline of ${baseline}`)
  return measured / baseline
}
