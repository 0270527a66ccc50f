import { describe, expect, it } from 'vitest'
import { profileParts, type CpuProfile } from '../../scripts/bench/profile.js'

const BUNDLE = '/project/dist/promote'

/** A profile of one stack per leaf: each path runs root first, and its leaf takes `ms`. */
function profileOf(paths: { frames: [string, string][]; ms: number }[]): CpuProfile {
  const nodes: {
    id: number
    callFrame: { functionName: string; url: string }
    children: number[]
  }[] = [{ id: 1, callFrame: { functionName: '(root)', url: '' }, children: [] }]
  const samples: number[] = []
  const timeDeltas: number[] = []
  for (const path of paths) {
    let parent = nodes[0]
    for (const [functionName, url] of path.frames) {
      const node = { id: nodes.length + 1, callFrame: { functionName, url }, children: [] }
      parent?.children.push(node.id)
      nodes.push(node)
      parent = node
    }
    samples.push(parent?.id ?? 1)
    timeDeltas.push(path.ms * 1000)
  }
  return { nodes, startTime: 0, endTime: 50_000, samples, timeDeltas }
}

describe('profileParts', () => {
  it('puts each sample in the part its stack shows', () => {
    const bundle = `file://${BUNDLE}/index.js`
    const parts = profileParts(
      profileOf([
        { frames: [['(program)', '']], ms: 20 },
        { frames: [['(garbage collector)', '']], ms: 2 },
        {
          frames: [
            ['Module._load', 'node:internal/modules/cjs/loader'],
            ['wrapSafe', 'node:internal/modules/cjs/loader']
          ],
          ms: 4
        },
        {
          frames: [
            ['', bundle],
            ['requireBuiltin', 'node:internal/bootstrap/realm'],
            ['compileForInternalLoader', 'node:internal/bootstrap/realm']
          ],
          ms: 8
        },
        {
          frames: [
            ['', bundle],
            ['getInput', bundle]
          ],
          ms: 3
        },
        { frames: [['prepareExecution', 'node:internal/process/pre_execution']], ms: 1 }
      ]),
      BUNDLE
    )
    expect(parts).toEqual({
      Node: 21,
      'built-in modules': 8,
      compiling: 4,
      'bundle code': 3,
      GC: 2,
      total: 50
    })
  })
})
