// The reusable promote and rollback workflows: environment, queue, permissions, secrets, outputs.
import { describe, expect, it } from 'vitest'
import {
  actionRef,
  interfaceOf,
  jobsOf,
  load,
  ours,
  read,
  type Job,
  type Workflow
} from './support.js'

describe.each([
  { file: '.github/workflows/promote.yml', action: 'promote', extraInputs: ['source', 'target'] },
  { file: '.github/workflows/rollback.yml', action: 'rollback', extraInputs: ['to', 'target'] }
])('reusable workflow $file', ({ file, action, extraInputs }) => {
  const workflow = load(read(file)) as Workflow
  const call = workflow.on?.workflow_call ?? {}
  const [jobId, job]: [string, Job] = jobsOf(workflow)[0] ?? ['', {}]
  const steps = job.steps ?? []
  const step = steps.find((candidate) => ours(candidate.uses ?? '') !== undefined)

  it('is called with workflow_call, one job, inputs image and environment required', () => {
    expect(workflow.on).toHaveProperty('workflow_call')
    expect(Object.keys(workflow.jobs ?? {})).toHaveLength(1)
    expect(call.inputs?.image).toMatchObject({ type: 'string', required: true })
    expect(call.inputs?.environment).toMatchObject({ type: 'string', required: true })
    expect(Object.keys(call.inputs ?? {}).sort()).toEqual(
      ['image', 'environment', 'runs-on', ...extraInputs].sort()
    )
  })

  it('runs on the runs-on input, ubuntu-latest by default', () => {
    expect(job['runs-on']).toBe('${{ inputs.runs-on }}')
    expect(call.inputs?.['runs-on']?.default).toBe('ubuntu-latest')
  })

  it('runs in the environment, without a second deployment beside the one it records', () => {
    expect(job.environment).toEqual({ name: '${{ inputs.environment }}', deployment: false })
  })

  it('queues runs per image and environment instead of dropping the pending one', () => {
    expect(job.concurrency).toEqual({
      group: 'immutable-image-${{ inputs.image }}-${{ inputs.environment }}',
      'cancel-in-progress': false,
      queue: 'max'
    })
  })

  it('asks for contents read, deployments write and packages write, nothing more', () => {
    const least = { contents: 'read', deployments: 'write', packages: 'write' }
    expect(job.permissions).toEqual(least)
    expect([undefined, {}]).toContainEqual(workflow.permissions)
  })

  it(`calls acme/immutable-image/${action}, never a local path`, () => {
    expect(step?.uses).toBe(`acme/immutable-image/${action}@${actionRef()}`)
  })

  it('passes the optional REGISTRY_USERNAME and REGISTRY_PASSWORD secrets as username and password', () => {
    expect(Object.keys(call.secrets ?? {})).toEqual(['REGISTRY_USERNAME', 'REGISTRY_PASSWORD'])
    expect(call.secrets?.REGISTRY_USERNAME?.required).toBe(false)
    expect(call.secrets?.REGISTRY_PASSWORD?.required).toBe(false)
    expect(step?.with).toMatchObject({
      username: '${{ secrets.REGISTRY_USERNAME }}',
      password: '${{ secrets.REGISTRY_PASSWORD }}'
    })
  })

  it('exposes digest, previous-digest, ref and deployment-id from its step', () => {
    const names = ['digest', 'previous-digest', 'ref', 'deployment-id']
    const declared = interfaceOf(`${action}/action.yml`).outputs
    for (const name of names) {
      expect(declared).toHaveProperty([name])
      expect(call.outputs?.[name]?.value).toBe(`\${{ jobs.${jobId}.outputs.${name} }}`)
      expect(job.outputs?.[name]).toBe(`\${{ steps.${step?.id ?? '?'}.outputs.${name} }}`)
    }
  })
})
