// Our workflows and README snippets call what exists here, the way a caller's repository will run them.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import {
  actionRef,
  allWorkflows,
  fileWorkflows,
  interfaceOf,
  isReusable,
  jobsOf,
  load,
  ours,
  root,
  workflowFiles,
  type Input,
  type Workflow
} from './support.js'

/** Oldest major each third-party action may be pinned to; an action missing here fails the test. */
const minimumMajors: Record<string, number> = {
  'actions/checkout': 5,
  'actions/setup-node': 5,
  'actions/upload-artifact': 4,
  'actions/download-artifact': 4,
  'docker/login-action': 3,
  'docker/setup-buildx-action': 3,
  'docker/metadata-action': 5,
  'aws-actions/configure-aws-credentials': 5,
  'aws-actions/amazon-ecr-login': 2,
  'actions/attest-build-provenance': 2,
  'sigstore/cosign-installer': 3
}

const workflows = allWorkflows.map(({ name, text }) => ({
  name,
  text,
  workflow: load(text) as Workflow
}))

/** Every `uses:` in a workflow: a job calling a workflow, or a step calling an action. */
interface Call {
  where: string
  uses: string
  with: Record<string, unknown>
  secrets?: 'inherit' | Record<string, unknown>
}
function callsIn(name: string, workflow: Workflow): Call[] {
  return jobsOf(workflow).flatMap(([jobId, job]) => [
    ...(job.uses === undefined
      ? []
      : [
          {
            where: `${name} jobs.${jobId}`,
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
              where: `${name} jobs.${jobId}.steps[${index}]`,
              uses: step.uses,
              with: step.with ?? {}
            }
          ]
    )
  ])
}
const calls = workflows.flatMap(({ name, workflow }) => callsIn(name, workflow))
const ourCalls = calls.flatMap((call) => {
  const target = ours(call.uses)
  return target === undefined ? [] : [{ ...call, ...target }]
})

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

describe('workflows', () => {
  it('has the reusable workflows, the starters and the project’s CI', () => {
    expect(workflowFiles).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/promote.yml',
        '.github/workflows/rollback.yml',
        'workflows/build.yml',
        'workflows/multi-platform.yml',
        'workflows/promote-staging.yml',
        'workflows/promote.yml',
        'workflows/rollback.yml'
      ])
    )
  })

  it('parses as YAML without errors or duplicate keys', () => {
    const problems = allWorkflows.flatMap(({ name, text }) =>
      parseDocument(text, { uniqueKeys: true }).errors.map((error) => `${name}: ${error.message}`)
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

  it('hands a called workflow only the secrets it names, never all of them', () => {
    const inherits = calls
      .filter((call) => call.secrets === 'inherit')
      .map((call) => `${call.where}: secrets: inherit`)
    expect(inherits).toEqual([])
  })

  it('declares secrets under names a repository secret can have, so a caller can map its own', () => {
    // GitHub: letters, digits and _, not starting with a digit or GITHUB_.
    const names = fileWorkflows.flatMap(({ name, text }) =>
      Object.keys((load(text) as Workflow).on?.workflow_call?.secrets ?? {}).map(
        (secret) => `${name}: ${secret}`
      )
    )
    expect(names.length).toBeGreaterThan(0)
    expect(names.filter((entry) => !/: (?!GITHUB_)[A-Za-z_]\w*$/i.test(entry))).toEqual([])
  })

  it('calls our actions and workflows at the actionRef in package.json', () => {
    const expected = actionRef()
    const wrong = ourCalls
      .filter((call) => call.ref !== expected)
      .map((call) => `${call.where}: ${call.uses}, expected @${expected}`)
    expect(wrong).toEqual([])
  })

  it('calls by local path only from our own CI, never where it would resolve in the caller’s repository', () => {
    // A starter, a snippet or a reusable workflow runs in the caller's repository.
    const runsInCallers = ({ name, workflow }: { name: string; workflow: Workflow }) =>
      !name.startsWith('.github/workflows/') || isReusable(workflow)
    const local = workflows
      .filter(runsInCallers)
      .flatMap(({ name, workflow }) => callsIn(name, workflow))
      .filter((call) => call.uses.startsWith('./'))
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
    const problems = workflows.flatMap(({ name, text, workflow }) => {
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
          .filter(([, input]) => !inputs.has(input ?? ''))
          .map(([read]) => `${name}: reads ${read}, which it does not declare`),
        ...[...expression.matchAll(/\bsecrets\.([\w-]+)/g)]
          .filter(([, secret]) => secrets !== undefined && !secrets.has(secret ?? ''))
          .map(([read]) => `${name}: reads ${read}, which it does not declare`)
      ])
    })
    expect(problems).toEqual([])
  })

  it('puts no expression inside a run: script, where its value would become shell code', () => {
    const problems = workflows.flatMap(({ name, workflow }) =>
      jobsOf(workflow).flatMap(([jobId, job]) =>
        (job.steps ?? [])
          .filter((step) => step.run?.includes('${{') === true)
          .map((step) => `${name} jobs.${jobId}: ${step.name ?? step.run ?? ''}`)
      )
    )
    expect(problems).toEqual([])
  })
})
