import { describe, expect, it } from 'vitest'
import { inputFlags, secretEnvName } from '../../src/docker/buildx-args.js'
import type { BuildxInputs } from '../../src/settings/buildx-inputs.js'
import { NO_BUILDX_INPUTS } from '../harness/fakes/pipeline-inputs.js'

const EVERYTHING: BuildxInputs = {
  secrets: [
    { id: 'npm', value: 'npm-v4lue' },
    { id: 'pip', value: 'pip-v4lue' }
  ],
  secretEnvs: [{ id: 'gh', envName: 'GH_TOKEN' }],
  cacheFrom: ['type=registry,ref=r.io/app:cache'],
  cacheTo: ['type=registry,ref=r.io/app:cache,mode=max'],
  buildContexts: ['base=docker-image://alpine:3'],
  ssh: ['default'],
  provenance: 'mode=max,builder-id=https://ci/1',
  sbom: 'disabled=false',
  pull: true,
  noCache: true,
  shmSize: '2g',
  ulimits: ['nofile=1024:1024'],
  addHosts: ['db:10.0.0.6'],
  platforms: []
}

describe('inputFlags', () => {
  it('adds nothing for an empty with: block', () => {
    expect(inputFlags(NO_BUILDX_INPUTS, { buildx: true, stage: 'shipped' })).toEqual({
      args: [],
      env: {}
    })
  })

  it.each([
    [
      'the shipped build with buildx: everything',
      { buildx: true, stage: 'shipped' } as const,
      [
        '--pull',
        '--no-cache',
        '--shm-size',
        '2g',
        '--ulimit',
        'nofile=1024:1024',
        '--add-host',
        'db:10.0.0.6',
        '--secret',
        `id=npm,env=${secretEnvName(0)}`,
        '--secret',
        `id=pip,env=${secretEnvName(1)}`,
        '--secret',
        'id=gh,env=GH_TOKEN',
        '--build-context',
        'base=docker-image://alpine:3',
        '--ssh',
        'default',
        '--cache-from',
        'type=registry,ref=r.io/app:cache',
        '--cache-to',
        'type=registry,ref=r.io/app:cache,mode=max',
        '--attest',
        'type=provenance,mode=max,builder-id=https://ci/1',
        '--attest',
        'type=sbom,disabled=false'
      ]
    ],
    [
      'the test stage: same secrets, contexts and cache sources, no re-pull, no cache export or attestations',
      { buildx: true, stage: 'test' } as const,
      [
        '--shm-size',
        '2g',
        '--ulimit',
        'nofile=1024:1024',
        '--add-host',
        'db:10.0.0.6',
        '--secret',
        `id=npm,env=${secretEnvName(0)}`,
        '--secret',
        `id=pip,env=${secretEnvName(1)}`,
        '--secret',
        'id=gh,env=GH_TOKEN',
        '--build-context',
        'base=docker-image://alpine:3',
        '--ssh',
        'default',
        '--cache-from',
        'type=registry,ref=r.io/app:cache'
      ]
    ],
    [
      'the classic builder: only the flags docker build has',
      { buildx: false, stage: 'shipped' } as const,
      [
        '--pull',
        '--no-cache',
        '--shm-size',
        '2g',
        '--ulimit',
        'nofile=1024:1024',
        '--add-host',
        'db:10.0.0.6'
      ]
    ]
  ])('%s', (_, build, args) => {
    expect(inputFlags(EVERYTHING, build).args).toEqual(args)
  })

  it('hands secret values over in the environment, never in an argument', () => {
    for (const stage of ['shipped', 'test'] as const) {
      const flags = inputFlags(EVERYTHING, { buildx: true, stage })
      expect(flags.env).toEqual({
        [secretEnvName(0)]: 'npm-v4lue',
        [secretEnvName(1)]: 'pip-v4lue'
      })
      expect(flags.args.join(' ')).not.toMatch(/v4lue/)
    }
  })

  it('gives the classic builder no secret to carry', () => {
    expect(inputFlags(EVERYTHING, { buildx: false, stage: 'shipped' }).env).toEqual({})
  })
})
