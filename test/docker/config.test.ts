import { describe, expect, it } from 'vitest'
import { keepLoginInFile } from '../../src/docker/config.js'

describe('keepLoginInFile', () => {
  it('pins the registry to the file store, keeping credsStore for every other registry', () => {
    expect(keepLoginInFile({ credsStore: 'desktop', auths: {} }, 'ghcr.io')).toEqual({
      credsStore: 'desktop',
      auths: {},
      credHelpers: { 'ghcr.io': '' }
    })
  })

  it('replaces the registry’s own helper and keeps the helpers of others', () => {
    const config = {
      credHelpers: { 'ghcr.io': 'gh', '1234.dkr.ecr.eu-west-1.amazonaws.com': 'ecr-login' }
    }
    expect(keepLoginInFile(config, 'ghcr.io').credHelpers).toEqual({
      'ghcr.io': '',
      '1234.dkr.ecr.eu-west-1.amazonaws.com': 'ecr-login'
    })
  })

  it('pins every name Docker Hub’s login may be stored under', () => {
    expect(keepLoginInFile({ credsStore: 'pass' }, 'docker.io').credHelpers).toEqual({
      'docker.io': '',
      'index.docker.io': '',
      'registry-1.docker.io': '',
      'https://index.docker.io/v1/': ''
    })
  })

  it('adds the pin to a config without helpers', () => {
    expect(keepLoginInFile({}, '127.0.0.1:5000')).toEqual({ credHelpers: { '127.0.0.1:5000': '' } })
  })
})
