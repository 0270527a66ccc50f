// provenance, sbom and the pass-through flags, and what the classic builder cannot honour.
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  buildxInputs,
  buildxOnlyInputs,
  requireBuilderFor
} from '../../src/settings/buildx-inputs.js'
import { NO_BUILDX_INPUTS } from '../harness/fakes/pipeline-inputs.js'
import { BUILDER_ID, inputs, RUN_ENV } from './buildx-inputs-fixture.js'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe('buildxInputs, attestations and pass-through flags', () => {
  it.each([
    ['true', BUILDER_ID],
    ['false', 'disabled=true'],
    ['mode=max', `mode=max,${BUILDER_ID}`],
    ['mode=min,builder-id=https://ci.example/1', 'mode=min,builder-id=https://ci.example/1'],
    ['true,mode=max', `disabled=false,mode=max,${BUILDER_ID}`]
  ])('reads provenance %j as build-push-action does: %s', (value, attributes) => {
    inputs({ provenance: value })
    expect(buildxInputs(RUN_ENV).provenance).toBe(attributes)
  })

  it.each([
    ['true', 'disabled=false'],
    ['false', 'disabled=true'],
    ['generator=docker/buildkit-syft-scanner', 'generator=docker/buildkit-syft-scanner']
  ])('reads sbom %j as %s', (value, attributes) => {
    inputs({ sbom: value })
    expect(buildxInputs(RUN_ENV).sbom).toBe(attributes)
  })

  it.each([
    [
      'provenance',
      'yes',
      "Input 'provenance': 'yes' is not true, false or an attribute key=value (e.g. mode=max)"
    ],
    [
      'sbom',
      'type=provenance',
      "Input 'sbom': 'type=provenance' is not true, false or an attribute key=value (e.g. mode=max)"
    ]
  ])('refuses %s %j', (name, value, message) => {
    inputs({ [name]: value })
    expect(() => buildxInputs(RUN_ENV)).toThrow(message)
  })

  it('reads the pass-through flags', () => {
    inputs({
      pull: 'true',
      'no-cache': 'true',
      'build-contexts': 'base=docker-image://alpine:3\nassets=./assets',
      ssh: 'default,deploy=/run/key',
      'shm-size': '2G',
      ulimit: 'nofile=1024:2048\nnproc=512',
      'add-hosts': 'registry.local:10.0.0.5,db=10.0.0.6'
    })
    expect(buildxInputs(RUN_ENV)).toMatchObject({
      pull: true,
      noCache: true,
      buildContexts: ['base=docker-image://alpine:3', 'assets=./assets'],
      ssh: ['default', 'deploy=/run/key'],
      shmSize: '2g',
      ulimits: ['nofile=1024:2048', 'nproc=512'],
      addHosts: ['registry.local:10.0.0.5', 'db=10.0.0.6']
    })
  })

  it.each([
    ['pull', 'maybe', "Input 'pull': expected true or false, got 'maybe'"],
    ['no-cache', '1', "Input 'no-cache': expected true or false, got '1'"],
    ['build-contexts', 'no-source', "Input 'build-contexts': 'no-source' is not name=source"],
    ['ssh', 'id=', "Input 'ssh': 'id=' is not default or id=socket-or-key-path"],
    ['shm-size', 'lots', "Input 'shm-size': 'lots' is not a size like 64m or 2g"],
    ['ulimit', 'nofile', "Input 'ulimit': 'nofile' is not name=soft[:hard], e.g. nofile=1024:1024"],
    [
      'add-hosts',
      'justahost',
      "Input 'add-hosts': 'justahost' is not host:ip, e.g. registry.local:10.0.0.5"
    ]
  ])('refuses %s %j', (name, value, message) => {
    inputs({ [name]: value })
    expect(() => buildxInputs(RUN_ENV)).toThrow(message)
  })
})

describe('the classic builder', () => {
  it.each([
    [{ secrets: [{ id: 'a', value: 'b' }] }, 'secrets'],
    [{ secretEnvs: [{ id: 'a', envName: 'B' }] }, 'secret-envs'],
    [{ cacheFrom: ['r/c'] }, 'cache-from'],
    [{ cacheTo: ['type=inline'] }, 'cache-to'],
    [{ buildContexts: ['a=./a'] }, 'build-contexts'],
    [{ ssh: ['default'] }, 'ssh'],
    [{ provenance: 'mode=max' }, 'provenance'],
    [{ sbom: 'disabled=false' }, 'sbom'],
    [{ platforms: [{ os: 'linux', architecture: 'arm64' }] }, 'platforms']
  ])('cannot honour %j: the error names %s and says buildx is needed', (given, name) => {
    const settings = { ...NO_BUILDX_INPUTS, ...given }
    expect(buildxOnlyInputs(settings)).toEqual([name])
    expect(() => {
      requireBuilderFor(settings, false)
    }).toThrow(
      new RegExp(
        `^Input '${name}': needs docker buildx \\(BuildKit\\), and this runner has only the classic builder`
      )
    )
    expect(() => {
      requireBuilderFor(settings, true)
    }).not.toThrow()
  })

  it('honours the flags docker build has, and provenance or sbom turned off', () => {
    const settings = {
      ...NO_BUILDX_INPUTS,
      pull: true,
      noCache: true,
      shmSize: '1g',
      ulimits: ['nofile=1:1'],
      addHosts: ['a:1.2.3.4'],
      provenance: 'disabled=true',
      sbom: 'disabled=true'
    }
    expect(buildxOnlyInputs(settings)).toEqual([])
    expect(() => {
      requireBuilderFor(settings, false)
    }).not.toThrow()
  })
})
