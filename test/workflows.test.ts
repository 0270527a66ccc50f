// Our workflows call what exists here, the way a caller's repository will run them.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'

const root = resolve(import.meta.dirname, '..')
const script = join(root, 'scripts/set-action-ref.mjs')

/** Oldest major each third-party action may be pinned to; an action missing here fails the test. */
const minimumMajors: Record<string, number> = {
  'actions/checkout': 5,
  'actions/setup-node': 5,
  'docker/login-action': 3,
  'docker/setup-buildx-action': 3,
  'docker/metadata-action': 5,
  'aws-actions/amazon-ecr-login': 2
}

interface Input {
  required?: boolean
  default?: unknown
}
interface Step {
  id?: string
  uses?: string
  with?: Record<string, unknown>
}
interface Job {
  'runs-on'?: string
  uses?: string
  with?: Record<string, unknown>
  secrets?: 'inherit' | Record<string, unknown>
  steps?: Step[]
  environment?: string | { name?: string; deployment?: unknown }
  concurrency?: string | { group?: string; 'cancel-in-progress'?: unknown; queue?: string }
  permissions?: Record<string, string> | string
  outputs?: Record<string, string>
}
interface WorkflowCall {
  inputs?: Record<string, Input & { type?: string }>
  secrets?: Record<string, Input>
  outputs?: Record<string, { value?: string }>
}
interface Workflow {
  on?: { workflow_call?: WorkflowCall | null; workflow_dispatch?: { inputs?: object } | null }
  permissions?: Record<string, string> | string
  jobs?: Record<string, Job>
}
interface Action {
  inputs?: Record<string, Input>
  outputs?: Record<string, unknown>
}

const workflowFiles = ['.github/workflows', 'workflows'].flatMap((dir) =>
  existsSync(join(root, dir))
    ? readdirSync(join(root, dir))
        .filter((name) => /\.ya?ml$/.test(name))
        .map((name) => `${dir}/${name}`)
    : []
)

function load(file: string): unknown {
  return parseDocument(readFileSync(join(root, file), 'utf8')).toJS()
}
const workflows = workflowFiles.map((file) => ({ file, workflow: load(file) as Workflow }))
const isReusable = (workflow: Workflow): boolean => workflow.on?.workflow_call !== undefined

/** Every `uses:` in a workflow: a job calling a workflow, or a step calling an action. */
interface Call {
  where: string
  uses: string
  with: Record<string, unknown>
  secrets?: 'inherit' | Record<string, unknown>
}
function callsIn(file: string, workflow: Workflow): Call[] {
  return Object.entries(workflow.jobs ?? {}).flatMap(([jobId, job]) => [
    ...(job.uses === undefined
      ? []
      : [
          {
            where: `${file} jobs.${jobId}`,
            uses: job.uses,
            with: job.with ?? {},
            secrets: job.secrets
          }
        ]),
    ...(job.steps ?? []).flatMap((step, index) =>
      step.uses === undefined
        ? []
        : [
            {
              where: `${file} jobs.${jobId}.steps[${index}]`,
              uses: step.uses,
              with: step.with ?? {}
            }
          ]
    )
  ])
}
const calls = workflows.flatMap(({ file, workflow }) => callsIn(file, workflow))

/** `acme/immutable-image[/path]@ref` → the file in this repository it names, and the ref. */
function ours(uses: string): { file: string; ref: string } | undefined {
  const match = /^acme\/immutable-image(?:\/(?<path>[^@]+))?@(?<ref>.+)$/i.exec(uses)
  if (match?.groups === undefined) return undefined
  const path = match.groups.path
  const file =
    path === undefined ? 'action.yml' : /\.ya?ml$/.test(path) ? path : `${path}/action.yml`
  return { file, ref: match.groups.ref ?? '' }
}
const ourCalls = calls.flatMap((call) => {
  const target = ours(call.uses)
  return target === undefined ? [] : [{ ...call, ...target }]
})

/** What a called action or reusable workflow declares. */
function interfaceOf(file: string): {
  inputs: Record<string, Input>
  secrets?: Record<string, Input>
  outputs: Record<string, unknown>
} {
  if (file.startsWith('.github/workflows/')) {
    const call = (load(file) as Workflow).on?.workflow_call ?? {}
    return { inputs: call.inputs ?? {}, secrets: call.secrets ?? {}, outputs: call.outputs ?? {} }
  }
  const action = load(file) as Action
  return { inputs: action.inputs ?? {}, outputs: action.outputs ?? {} }
}

function undeclaredAndMissing(
  where: string,
  kind: string,
  passed: Record<string, unknown>,
  declared: Record<string, Input>
): string[] {
  return [
    ...Object.keys(passed)
      .filter((name) => !(name in declared))
      .map((name) => `${where}: passes ${kind} '${name}', which it does not declare`),
    ...Object.entries(declared)
      .filter(([, input]) => input.required === true && input.default === undefined)
      .filter(([name]) => !(name in passed))
      .map(([name]) => `${where}: does not pass the required ${kind} '${name}'`)
  ]
}

function actionRef(): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { actionRef?: string }
  return pkg.actionRef ?? 'v1'
}

describe('workflows', () => {
  it('has the reusable workflows and the starters', () => {
    expect(workflowFiles).toEqual(
      expect.arrayContaining([
        '.github/workflows/promote.yml',
        '.github/workflows/rollback.yml',
        'workflows/build.yml',
        'workflows/promote-staging.yml',
        'workflows/promote.yml',
        'workflows/rollback.yml'
      ])
    )
  })

  it('parses as YAML without errors or duplicate keys', () => {
    const problems = workflowFiles.flatMap((file) =>
      parseDocument(readFileSync(join(root, file), 'utf8'), { uniqueKeys: true }).errors.map(
        (error) => `${file}: ${error.message}`
      )
    )
    expect(problems).toEqual([])
  })

  it('calls only actions and workflows of ours that exist in this repository', () => {
    expect(ourCalls.length).toBeGreaterThan(0)
    const missing = ourCalls
      .filter((call) => !existsSync(join(root, call.file)))
      .map((call) => `${call.where}: ${call.uses} names ${call.file}, which does not exist`)
    expect(missing).toEqual([])
  })

  it('passes only the inputs and secrets the callee declares, and every required one', () => {
    const problems = ourCalls
      .filter((call) => existsSync(join(root, call.file)))
      .flatMap((call) => {
        const callee = interfaceOf(call.file)
        const secrets =
          callee.secrets === undefined || call.secrets === 'inherit'
            ? []
            : undeclaredAndMissing(call.where, 'secret', call.secrets ?? {}, callee.secrets)
        return [...undeclaredAndMissing(call.where, 'input', call.with, callee.inputs), ...secrets]
      })
    expect(problems).toEqual([])
  })

  it('calls our actions and workflows at the actionRef in package.json', () => {
    const expected = actionRef()
    const wrong = ourCalls
      .filter((call) => call.ref !== expected)
      .map((call) => `${call.where}: ${call.uses}, expected @${expected}`)
    expect(wrong).toEqual([])
  })

  it('calls nothing by local path where it would resolve in the caller’s repository', () => {
    const local = calls
      .filter((call) => call.uses.startsWith('./'))
      .filter(
        (call) =>
          /^\.\/(promote|rollback)\b/.test(call.uses) ||
          call.where.startsWith('workflows/') ||
          workflows.some(
            ({ file, workflow }) => call.where.startsWith(`${file} `) && isReusable(workflow)
          )
      )
      .map((call) => `${call.where}: ${call.uses}`)
    expect(local).toEqual([])
  })

  it('pins every third-party action to a current major', () => {
    const thirdParty = calls.filter(
      (call) => ours(call.uses) === undefined && !call.uses.startsWith('./')
    )
    expect(thirdParty.length).toBeGreaterThan(0)
    const problems = thirdParty.flatMap((call) => {
      const match = /^(?<repo>[\w.-]+\/[\w.-]+)(?:\/[^@]*)?@(?<ref>.+)$/.exec(call.uses)
      const repo = match?.groups?.repo?.toLowerCase() ?? call.uses
      const minimum = minimumMajors[repo]
      if (minimum === undefined)
        return [`${call.where}: ${call.uses} is not in the table of majors`]
      const major = /^v(\d+)(?:\.\d+){0,2}$/.exec(match?.groups?.ref ?? '')?.[1]
      if (major === undefined)
        return [`${call.where}: ${call.uses} is not pinned to a major (v${minimum})`]
      return Number(major) < minimum
        ? [`${call.where}: ${call.uses} is older than v${minimum}`]
        : []
    })
    expect(problems).toEqual([])
  })

  it('reads only the inputs and secrets it declares', () => {
    const problems = workflows.flatMap(({ file, workflow }) => {
      const text = readFileSync(join(root, file), 'utf8')
      const call = workflow.on?.workflow_call
      const inputs = new Set([
        ...Object.keys(call?.inputs ?? {}),
        ...Object.keys(workflow.on?.workflow_dispatch?.inputs ?? {})
      ])
      // A caller's secrets are its own; a reusable workflow sees only those it declares.
      const secrets = isReusable(workflow)
        ? new Set(['GITHUB_TOKEN', ...Object.keys(call?.secrets ?? {})])
        : undefined
      const expressions = [...text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((match) => match[1] ?? '')
      return expressions.flatMap((expression) => [
        ...[...expression.matchAll(/\binputs\.([\w-]+)/g)]
          .filter(([, name]) => !inputs.has(name ?? ''))
          .map(([read]) => `${file}: reads ${read}, which it does not declare`),
        ...[...expression.matchAll(/\bsecrets\.([\w-]+)/g)]
          .filter(([, name]) => secrets !== undefined && !secrets.has(name ?? ''))
          .map(([read]) => `${file}: reads ${read}, which it does not declare`)
      ])
    })
    expect(problems).toEqual([])
  })
})

describe.each([
  { file: '.github/workflows/promote.yml', action: 'promote', extraInputs: ['source', 'target'] },
  { file: '.github/workflows/rollback.yml', action: 'rollback', extraInputs: ['to', 'target'] }
])('reusable workflow $file', ({ file, action, extraInputs }) => {
  const workflow = load(file) as Workflow
  const call = workflow.on?.workflow_call ?? {}
  const [jobId, job]: [string, Job] = Object.entries(workflow.jobs ?? {})[0] ?? ['', {}]
  const step = (job.steps ?? []).find((candidate) => ours(candidate.uses ?? '') !== undefined)

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

  it('passes the optional registry secrets as username and password', () => {
    expect(Object.keys(call.secrets ?? {})).toEqual(['registry-username', 'registry-password'])
    expect(call.secrets?.['registry-username']?.required).toBe(false)
    expect(call.secrets?.['registry-password']?.required).toBe(false)
    expect(step?.with).toMatchObject({
      username: '${{ secrets.registry-username }}',
      password: '${{ secrets.registry-password }}'
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

describe('scripts/set-action-ref.mjs', () => {
  function copyOfRepository(): string {
    const copy = mkdtempSync(join(tmpdir(), 'action-ref-'))
    for (const path of ['.github/workflows', 'workflows', 'README.md', 'package.json']) {
      if (existsSync(join(root, path)))
        cpSync(join(root, path), join(copy, path), { recursive: true })
    }
    return copy
  }
  const run = (...args: string[]) => spawnSync('node', [script, ...args], { encoding: 'utf8' })

  it('--check passes on the repository as it is', () => {
    const result = run('--check')
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })

  it('sets every ref of ours and actionRef to the given ref, leaving others alone', () => {
    const copy = copyOfRepository()
    expect(run('v9', '--root', copy).status).toBe(0)
    for (const file of workflowFiles) {
      const text = readFileSync(join(copy, file), 'utf8')
      expect(text, file).not.toMatch(/acme\/immutable-image[^\s@]*@(?!v9\b)/)
      expect(text, file).not.toMatch(/actions\/checkout@v9/)
    }
    expect(readFileSync(join(copy, 'package.json'), 'utf8')).toContain('"actionRef": "v9"')
    expect(run('--check', '--root', copy).status).toBe(0)
  })

  it('--check names each ref of ours that disagrees with actionRef', () => {
    const copy = copyOfRepository()
    const path = join(copy, 'workflows/build.yml')
    const ref = actionRef()
    run(ref, '--root', copy)
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(`immutable-image@${ref}`, 'immutable-image@stale')
    )
    const result = run('--check', '--root', copy)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(`: acme/immutable-image@stale, expected @${ref}\n`)
    expect(result.stderr).toMatch(/^workflows\/build\.yml:\d+: /m)
  })
})
