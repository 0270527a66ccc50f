import { describe, expect, it } from 'vitest'
import { OutputTail } from '../../src/docker/docker.js'

describe('OutputTail', () => {
  it.each([
    [['abc'], 'abc'],
    [['abcdef', 'gh'], 'defgh'],
    [['ab', 'cd', 'ef', 'gh', 'ij', 'kl'], 'hijkl'],
    [['x'.repeat(50), 'tail!'], 'tail!']
  ])('keeps the last five characters of %j', (chunks, expected) => {
    const tail = new OutputTail(5)
    for (const chunk of chunks) tail.append(chunk)
    expect(tail.toString()).toBe(expected)
  })
})
