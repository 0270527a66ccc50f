// The reusable promote and rollback workflows: environment, queue, permissions, secrets, outputs, targets.
import { spawnSync } from 'node:child_process'
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
  const guard = steps.find((candidate) => candidate.env?.TARGET !== undefined)

  /** Runs the target check as the runner runs a `shell: bash` step, the inputs in its environment. */
  function checkTargets(target: string, environment: string) {
    const script = guard?.run ?? 'exit 99'
    return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, TARGET: target, ENVIRONMENT: environment }
    })
  }

  it('is called with workflow_call, one job, inputs image and environment required', () => {
    expect(workflow.on).toHaveProperty('workflow_call')
    expect(Object.keys(workflow.jobs ?? {})).toHaveLength(1)
    expect(call.inputs?.image).toMatchObject({ type: 'string', required: true })
    expect(call.inputs?.environment).toMatchObject({ type: 'string', required: true })
    expect(Object.keys(call.inputs ?? {}).sort()).toEqual(
      [
        'image',
        'environment',
        'allow-other-targets',
        'github-deployment',
        'runs-on',
        ...extraInputs
      ].sort()
    )
  })

  it('runs on the runs-on input, ubuntu-latest by default', () => {
    expect(job['runs-on']).toBe('${{ inputs.runs-on }}')
    expect(call.inputs?.['runs-on']?.default).toBe('ubuntu-latest')
  })

  it('runs in the environment, without GitHub’s deployment beside its own unless asked for', () => {
    expect(job.environment).toEqual({
      name: '${{ inputs.environment }}',
      deployment: '${{ inputs.github-deployment }}'
    })
    expect(call.inputs?.['github-deployment']).toMatchObject({ type: 'boolean', default: false })
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

  describe('a target other than the environment’s own tag', () => {
    it('is refused unless allow-other-targets, which is off by default', () => {
      expect(call.inputs?.['allow-other-targets']).toMatchObject({
        type: 'boolean',
        required: false,
        default: false
      })
      expect(guard?.if).toBe('${{ !inputs.allow-other-targets }}')
    })

    it('is checked before the tag moves, with the inputs in the environment, not the script', () => {
      expect(guard).toBeDefined()
      expect(steps.indexOf(guard ?? {})).toBeLessThan(steps.indexOf(step ?? {}))
      expect(guard?.env).toEqual({
        TARGET: '${{ inputs.target }}',
        ENVIRONMENT: '${{ inputs.environment }}'
      })
      expect(guard?.shell).toBe('bash')
      expect(guard?.run).not.toContain('${{')
    })

    it.each([
      ['empty (the environment’s own tag)', '', 'production'],
      ['the environment’s name', 'production', 'production'],
      ['the name padded, with blank and comment lines', '\n  production \r\n# note\n', 'production']
    ])('passes when the target is %s', (_case, target, environment) => {
      const result = checkTargets(target, environment)
      expect(result.stdout + result.stderr).toBe('')
      expect(result.status).toBe(0)
    })

    it.each([
      ['another environment’s tag', 'production', 'staging'],
      ['the own tag and another', 'staging\nproduction', 'staging'],
      ['a tag that only starts like it', 'staging-old', 'staging'],
      ['a differently cased name', 'Staging', 'staging']
    ])('fails early with one error line when the target is %s', (_case, target, environment) => {
      const result = checkTargets(target, environment)
      expect(result.status).toBe(1)
      expect(result.stdout).toBe(
        "::error::Input 'target': names a tag other than the environment's own; " +
          'set allow-other-targets: true to move it from this environment\n'
      )
    })

    it('never prints the target, which may hold workflow commands', () => {
      const result = checkTargets('::set-output name=x::y\nproduction', 'staging')
      expect(result.status).toBe(1)
      expect(result.stdout).not.toContain('set-output')
    })
  })
})
