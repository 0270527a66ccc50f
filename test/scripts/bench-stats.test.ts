import { describe, expect, it } from 'vitest'
import { median, ratio, summarize } from '../../scripts/bench/stats.js'

describe('median', () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[40, 10, 30, 20], 25],
    [[7, 7, 100, 1, 7], 7]
  ])('of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected)
  })

  it('refuses no values', () => {
    expect(() => median([])).toThrow('median of no values')
  })

  it('leaves its input in the order given', () => {
    const values = [3, 1, 2]
    median(values)
    expect(values).toEqual([3, 1, 2])
  })
})

describe('summarize', () => {
  it('gives the median, range and run count of the times and the median traffic', () => {
    const samples = [
      { ms: 120, requests: 4, bytes: 900 },
      { ms: 100, requests: 5, bytes: 1100 },
      { ms: 300, requests: 4, bytes: 1000 }
    ]
    expect(summarize(samples)).toEqual({
      median: 120,
      min: 100,
      max: 300,
      requests: 4,
      bytes: 1000,
      runs: 3
    })
  })
})

describe('ratio', () => {
  it('says how many times the baseline a measurement is', () => {
    expect(ratio(45, 30)).toBe(1.5)
  })

  it.each([0, -1, NaN])('refuses a baseline of %d', (baseline) => {
    expect(() => ratio(10, baseline)).toThrow('ratio against a baseline')
  })
})
