// cache-from and cache-to: buildx items one a line, the gha cache token masked, credentials refused.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildxInputs } from '../../src/settings/buildx-inputs.js'
import { inputs, masking, RUN_ENV } from './buildx-inputs-fixture.js'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe('buildxInputs, cache', () => {
  it('reads cache-from and cache-to as buildx items, one a line, commas kept', () => {
    inputs({
      'cache-from': 'type=registry,ref=r.io/app:cache\nr.io/app:other\ntype=gha,scope=web',
      'cache-to': 'type=registry,ref=r.io/app:cache,mode=max'
    })
    expect(buildxInputs(RUN_ENV)).toMatchObject({
      cacheFrom: ['type=registry,ref=r.io/app:cache', 'r.io/app:other', 'type=gha,scope=web'],
      cacheTo: ['type=registry,ref=r.io/app:cache,mode=max']
    })
  })

  it('masks the runner cache token when a cache is type=gha', () => {
    const masked = masking()
    inputs({ 'cache-to': 'type=gha,mode=max' })
    buildxInputs({ ...RUN_ENV, ACTIONS_RUNTIME_TOKEN: 'runtime-t0ken' })
    expect(masked()).toEqual(['runtime-t0ken'])
  })

  it('does not touch the runner cache token without a type=gha cache', () => {
    const masked = masking()
    inputs({ 'cache-to': 'type=inline' })
    buildxInputs({ ...RUN_ENV, ACTIONS_RUNTIME_TOKEN: 'runtime-t0ken' })
    expect(masked()).toEqual([])
  })

  it.each([
    [
      'cache-to',
      'type=floppy',
      "Input 'cache-to': 'floppy' is not a cache type: expected one of registry, local, inline, gha, s3, azblob"
    ],
    [
      'cache-from',
      'ref=r.io/app:cache',
      "Input 'cache-from': 'ref=r.io/app:cache' names no type= (e.g. type=registry,ref=…)"
    ],
    [
      'cache-from',
      'type=registry,oops',
      "Input 'cache-from': 'type=registry,oops': 'oops' is not key=value"
    ],
    [
      'cache-to',
      'type=gha,token=s3cr3t',
      "Input 'cache-to': the token attribute would put a credential on docker's command line"
    ],
    [
      'cache-from',
      'type=s3,secret_access_key=s3cr3t',
      "Input 'cache-from': the secret_access_key attribute would put a credential"
    ]
  ])('refuses %s %j', (name, value, message) => {
    inputs({ [name]: value })
    expect(() => buildxInputs(RUN_ENV)).toThrow(message)
    try {
      buildxInputs(RUN_ENV)
    } catch (error) {
      expect(String(error)).not.toContain('s3cr3t')
    }
  })
})
