// The permission rules the workflow checks rely on: what a grant gives and what an action needs.
import { describe, expect, it } from 'vitest'
import { calledWorkflowNeeds, granted, shortfall, stepNeeds } from './permissions.js'
import type { Workflow } from './support.js'

describe('granted', () => {
  it.each([
    ['no permissions anywhere: the restricted default', undefined, 'contents', 'read'],
    ['the restricted default', undefined, 'deployments', 'none'],
    ['the restricted default', undefined, 'packages', 'read'],
    ['read-all', 'read-all', 'deployments', 'read'],
    ['read-all, which has no id-token read', 'read-all', 'id-token', 'none'],
    ['write-all', 'write-all', 'id-token', 'write'],
    ['an empty mapping', {}, 'contents', 'none'],
    ['a scope the mapping leaves out', { contents: 'read' }, 'packages', 'none'],
    ['a scope the mapping lists', { packages: 'write' }, 'packages', 'write']
  ] as const)('%s gives %s: %s', (_case, value, scope, level) => {
    expect(granted(value, scope)).toBe(level)
  })
})

describe('stepNeeds', () => {
  const pr = ['pull_request', 'push']
  it.each([
    ['checkout', { uses: 'actions/checkout@v5' }, pr, { contents: 'read' }],
    [
      'the build on ghcr.io in a pull-request workflow',
      { uses: 'acme/immutable-image@v1', with: { image: 'ghcr.io/acme/web' } },
      pr,
      { packages: 'write', 'pull-requests': 'write' }
    ],
    [
      'the build with the default image, pushed only, on a push workflow',
      { uses: 'acme/immutable-image@v1' },
      ['push'],
      { packages: 'write' }
    ],
    [
      'the build elsewhere without a comment',
      { uses: 'acme/immutable-image@v1', with: { image: 'docker.io/acme/web', comment: false } },
      pr,
      {}
    ],
    [
      'the build that never pushes',
      { uses: 'acme/immutable-image@v1', with: { image: 'ghcr.io/acme/web', push: 'false' } },
      ['push'],
      {}
    ],
    [
      'merge on ghcr.io in a pull-request workflow',
      { uses: 'acme/immutable-image/merge@v1', with: { image: 'ghcr.io/acme/web' } },
      pr,
      { packages: 'write', 'pull-requests': 'write' }
    ],
    [
      'promote on ECR',
      { uses: 'acme/immutable-image/promote@v1', with: { image: '1.dkr.ecr.x/web' } },
      ['workflow_dispatch'],
      { deployments: 'write' }
    ],
    [
      'rollback on ghcr.io, not recorded',
      { uses: 'acme/immutable-image/rollback@v1', with: { image: 'ghcr.io/a/b', record: false } },
      ['workflow_dispatch'],
      { packages: 'write' }
    ],
    [
      'an AWS role',
      { uses: 'aws-actions/configure-aws-credentials@v5', with: { 'role-to-assume': 'r' } },
      ['push'],
      { 'id-token': 'write' }
    ],
    [
      'a provenance attestation kept by GitHub alone',
      { uses: 'actions/attest-build-provenance@v2', with: { 'subject-name': 'ghcr.io/a/b' } },
      ['push'],
      { 'id-token': 'write', attestations: 'write' }
    ],
    [
      'a provenance attestation pushed beside the image',
      {
        uses: 'actions/attest-build-provenance@v2',
        with: { 'subject-name': '${{ steps.image.outputs.image }}', 'push-to-registry': true }
      },
      ['push'],
      { 'id-token': 'write', attestations: 'write', packages: 'write' }
    ]
  ] as const)('%s', (_case, step, events, needed) => {
    expect(stepNeeds(step, events)).toEqual(needed)
  })
})

describe('calledWorkflowNeeds', () => {
  it('takes what each called job declares, or what its steps need when it inherits', () => {
    const called: Workflow = {
      on: { workflow_call: {} },
      jobs: {
        declared: { permissions: { contents: 'read', deployments: 'write', issues: 'none' } },
        inherits: {
          steps: [
            { uses: 'aws-actions/configure-aws-credentials@v5', with: { 'role-to-assume': 'r' } }
          ]
        }
      }
    }
    expect(calledWorkflowNeeds(called)).toEqual({
      contents: 'read',
      deployments: 'write',
      'id-token': 'write'
    })
  })

  it('names each scope a grant falls short of, with what it grants', () => {
    expect(shortfall({ contents: 'read' }, { contents: 'read', deployments: 'write' })).toEqual([
      'deployments: write (granted none)'
    ])
  })
})
