import { afterEach, describe, expect, it, vi } from 'vitest'
import { platformsInput } from '../../src/settings/platforms.js'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('the platforms input', () => {
  it.each([
    ['nothing', '', []],
    ['comma-separated', 'linux/amd64,linux/arm64', ['linux/amd64', 'linux/arm64']],
    ['one a line', 'linux/amd64\nlinux/arm/v7\n', ['linux/amd64', 'linux/arm/v7']],
    ['with spaces around items', ' linux/amd64 , linux/arm64 ', ['linux/amd64', 'linux/arm64']]
  ])('reads %s', (_, value, expected) => {
    vi.stubEnv('INPUT_PLATFORMS', value)
    expect(
      platformsInput().map((p) => [p.os, p.architecture, p.variant].filter(Boolean).join('/'))
    ).toEqual(expected)
  })

  it.each([
    [
      'linux',
      "Input 'platforms': 'linux' is not os/arch[/variant], e.g. linux/amd64 or linux/arm/v7"
    ],
    ['linux/amd64/v2/x', "Input 'platforms': 'linux/amd64/v2/x' is not os/arch[/variant]"],
    ['Linux/AMD64', "Input 'platforms': 'Linux/AMD64' is not os/arch[/variant]"],
    ['linux/arm64,linux/arm64/v8', "Input 'platforms': linux/arm64/v8 is given more than once"]
  ])('refuses %j in one line naming the input', (value, message) => {
    vi.stubEnv('INPUT_PLATFORMS', value)
    expect(() => platformsInput()).toThrow(message)
  })
})
