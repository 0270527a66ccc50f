import { describe, expect, it } from 'vitest'
import { ActionError } from '../../src/errors.js'
import { extendsLayers, requireTestedOnShipped } from '../../src/pipeline/stage-layers.js'

describe('extendsLayers', () => {
  it.each<[string, string[], string[], boolean]>([
    ['the same layers plus test layers', ['a', 'b'], ['a', 'b', 't'], true],
    ['exactly the same layers', ['a', 'b'], ['a', 'b'], true],
    ['a different base', ['a', 'b'], ['x', 'b', 't'], false],
    ['the shipped layers in another order', ['a', 'b'], ['b', 'a', 't'], false],
    ['a layer of the shipped image left out', ['a', 'b', 'c'], ['a', 'c', 't'], false],
    ['fewer layers than the shipped image', ['a', 'b'], ['a'], false],
    ['the shipped layers, but not at the bottom', ['a', 'b'], ['t', 'a', 'b'], false]
  ])('%s: %s', (_, shipped, tested, expected) => {
    expect(extendsLayers(shipped, tested)).toBe(expected)
  })
})

describe('requireTestedOnShipped', () => {
  const shipped = { name: 'prod', description: 'prod', diffIds: ['a', 'b'] }

  it('accepts a test stage built FROM the shipped stage', () => {
    expect(() => {
      requireTestedOnShipped(shipped, {
        name: 'test',
        description: 'test',
        diffIds: ['a', 'b', 't']
      })
    }).not.toThrow()
  })

  it('refuses any other test stage in one line naming both stages', () => {
    const check = (): void => {
      requireTestedOnShipped(shipped, { name: 'test', description: 'test', diffIds: ['x', 't'] })
    }
    expect(check).toThrow(ActionError)
    expect(check).toThrow(
      /^the test stage test is not built on the shipped stage prod: .* must be built FROM the shipped one \(FROM prod AS test\); nothing was pushed$/
    )
  })

  it('asks for a name when the shipped stage has none', () => {
    expect(() => {
      requireTestedOnShipped(
        { name: undefined, description: 'unnamed stage 2 (line 5)', diffIds: ['a'] },
        { name: 'test', description: 'test', diffIds: ['x'] }
      )
    }).toThrow(/shipped stage unnamed stage 2 \(line 5\).*name the shipped stage with AS/)
  })
})
