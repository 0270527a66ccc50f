import { describe, expect, it } from 'vitest'
import { partsFromEnvironment } from '../../scripts/bench/parts.js'

describe('partsFromEnvironment', () => {
  it('measures every part when BENCH_ONLY is unset or empty', () => {
    expect([...partsFromEnvironment('')]).toEqual([
      'promote',
      'cold-start',
      'pipeline',
      'build-cache'
    ])
    expect([...partsFromEnvironment('  ')]).toEqual([
      'promote',
      'cold-start',
      'pipeline',
      'build-cache'
    ])
  })

  it('measures only the parts named', () => {
    expect([...partsFromEnvironment('cold-start, promote')]).toEqual(['cold-start', 'promote'])
  })

  it('refuses a part it does not know, naming the ones it does', () => {
    expect(() => partsFromEnvironment('promote,coldstart')).toThrow(
      "BENCH_ONLY: 'coldstart' is none of promote, cold-start, pipeline, build-cache"
    )
  })
})
