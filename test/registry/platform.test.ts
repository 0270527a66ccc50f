import { describe, expect, it } from 'vitest'
import {
  formatPlatform,
  InvalidPlatformError,
  parsePlatform,
  samePlatform
} from '../../src/registry/platform.js'

describe('parsePlatform', () => {
  it.each([
    ['linux/amd64', { os: 'linux', architecture: 'amd64' }],
    ['linux/arm64', { os: 'linux', architecture: 'arm64' }],
    ['linux/arm/v7', { os: 'linux', architecture: 'arm', variant: 'v7' }],
    ['windows/amd64', { os: 'windows', architecture: 'amd64' }]
  ])('reads %s', (value, platform) => {
    expect(parsePlatform(value)).toEqual(platform)
    expect(formatPlatform(parsePlatform(value))).toBe(value)
  })

  it.each([
    'linux',
    'amd64',
    'linux/',
    '/amd64',
    'linux/amd64/v1/x',
    'Linux/AMD64',
    'linux/amd 64',
    'linux/$(id)'
  ])('refuses %j', (value) => {
    expect(() => parsePlatform(value)).toThrow(InvalidPlatformError)
  })
})

describe('samePlatform', () => {
  it.each([
    ['linux/arm64', 'linux/arm64/v8', true],
    ['linux/amd64', 'linux/amd64', true],
    ['linux/arm/v6', 'linux/arm/v7', false],
    ['linux/amd64', 'linux/arm64', false],
    ['linux/amd64', 'windows/amd64', false]
  ])('%s and %s: %s', (a, b, same) => {
    expect(samePlatform(parsePlatform(a), parsePlatform(b))).toBe(same)
  })
})
