import { describe, expect, it } from 'vitest'
import { whereTheTimeGoes } from '../../scripts/bench/where-the-time-goes.js'
import { benchResults } from './bench-results.js'

describe('whereTheTimeGoes', () => {
  it('sets the promote against Node alone and the floor, and prices the recording', () => {
    // Promote 55 ms recorded, 45 ms without, the floor 30 ms, Node alone 20 ms.
    const text = whereTheTimeGoes(benchResults())
    expect(text).toContain('Node alone took\n  20 ms in this run, 0.67× the 30 ms floor')
    expect(text).toContain('45 ms on average: 25 ms over Node alone')
    expect(text).toContain('deployment adds 10 ms on average')
    expect(text).toContain('took 40 ms, 1.33× the floor:\n  ours adds 5 ms to it')
  })

  it('says what each bundle adds over Node alone, and that no bundle can meet the goal when Node alone misses it', () => {
    expect(whereTheTimeGoes(benchResults())).toContain(
      'the bundles add dist/build/index.js 10 ms, dist/promote/index.js 5 ms.\n'
    )
    const slowNode = whereTheTimeGoes(benchResults({ nodeAlone: 40 }))
    expect(slowNode).toContain(
      'Node alone is over the 35 ms goal on this machine in this run, so no bundle can meet it here'
    )
  })

  it('gives the cold engine with the registry cache as a ratio of the warm build', () => {
    expect(whereTheTimeGoes(benchResults())).toContain('takes 1.40× the warm build')
  })
})
