// The bench empties the engine of all but the base images before it measures.
import { describe, expect, it, vi } from 'vitest'

const calls: string[][] = []
const BASE = ['b1', 'b2']
const OTHERS = Array.from({ length: 150 }, (_, index) => `i${index}`)

vi.mock('../../scripts/bench/command.js', () => ({
  runCommand: (_command: string, args: string[]): Promise<string> => {
    calls.push(args)
    if (args[0] === 'image' && args[1] === 'ls') {
      const listed = args.includes('immutable-image-base/*') ? BASE : [...OTHERS, ...BASE]
      return Promise.resolve(`${listed.join('\n')}\n`)
    }
    return Promise.resolve('')
  }
}))

const { resetEngine } = await import('../../scripts/bench/engine-reset.js')

describe('resetEngine', () => {
  it('removes stopped containers and every image but the base ones, 100 at a time', async () => {
    expect(await resetEngine({})).toBe(150)
    expect(calls[0]).toEqual(['container', 'prune', '--force'])
    const removals = calls.filter((args) => args[0] === 'image' && args[1] === 'rm')
    expect(removals.map((args) => args.length - 3)).toEqual([100, 50])
    const removed = removals.flatMap((args) => args.slice(3))
    expect(removed.sort()).toEqual([...OTHERS].sort())
    expect(removed).not.toContain('b1')
  })
})
