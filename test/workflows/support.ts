// What the workflow tests read: our workflows, the starters and the README's snippets, and what they call here.
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow
} from '@actions/workflow-parser'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseDocument } from 'yaml'

export const root = resolve(import.meta.dirname, '../..')

export interface Input {
  required?: boolean
  default?: unknown
}
export interface Step {
  id?: string
  name?: string
  if?: string
  uses?: string
  run?: string
  shell?: string
  env?: Record<string, string>
  with?: Record<string, unknown>
}
export type PermissionsValue = Record<string, string> | string
export interface Job {
  'runs-on'?: string
  uses?: string
  needs?: string | string[]
  if?: string
  with?: Record<string, unknown>
  secrets?: 'inherit' | Record<string, unknown>
  steps?: Step[]
  services?: Record<string, { image?: string; ports?: string[] }>
  environment?: string | { name?: string; deployment?: unknown }
  concurrency?: string | { group?: string; 'cancel-in-progress'?: unknown; queue?: string }
  permissions?: PermissionsValue
  outputs?: Record<string, string>
}
export interface WorkflowCall {
  inputs?: Record<string, Input & { type?: string }>
  secrets?: Record<string, Input>
  outputs?: Record<string, { value?: string }>
}
export interface Workflow {
  on?: { workflow_call?: WorkflowCall | null; workflow_dispatch?: { inputs?: object } | null }
  permissions?: PermissionsValue
  jobs?: Record<string, Job | null>
}
interface Action {
  inputs?: Record<string, Input>
  outputs?: Record<string, unknown>
}

/** A workflow as a user would copy it: a file of ours, or a README snippet named by its line. */
export interface WorkflowText {
  readonly name: string
  readonly text: string
}

export const read = (file: string): string => readFileSync(join(root, file), 'utf8')
export const load = (text: string): unknown => parseDocument(text).toJS()

export const workflowFiles = ['.github/workflows', 'workflows'].flatMap((dir) =>
  existsSync(join(root, dir))
    ? readdirSync(join(root, dir))
        .filter((name) => /\.ya?ml$/.test(name))
        .map((name) => `${dir}/${name}`)
    : []
)

/** Every ```yaml block of a Markdown text, named README.md:<line of its first YAML line>. */
export function markdownWorkflows(markdown: string, file = 'README.md'): WorkflowText[] {
  return [...markdown.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].map((match) => ({
    name: `${file}:${markdown.slice(0, match.index).split('\n').length + 1}`,
    text: match[1] ?? ''
  }))
}

export const fileWorkflows: WorkflowText[] = workflowFiles.map((file) => ({
  name: file,
  text: read(file)
}))
export const readmeWorkflows = markdownWorkflows(read('README.md'))
export const allWorkflows = [...fileWorkflows, ...readmeWorkflows]

/** A workflow's jobs; one left empty (`image:` and a comment) reads as a job with nothing in it. */
export const jobsOf = (workflow: Workflow): [string, Job][] =>
  Object.entries(workflow.jobs ?? {}).map(([id, job]) => [id, job ?? {}])

export const isReusable = (workflow: Workflow): boolean => workflow.on?.workflow_call !== undefined

/** `acme/immutable-image[/path]@ref` → the file in this repository it names, and the ref. */
export function ours(uses: string): { file: string; ref: string } | undefined {
  const match = /^acme\/immutable-image(?:\/(?<path>[^@]+))?@(?<ref>.+)$/i.exec(uses)
  if (match?.groups === undefined) return undefined
  const path = match.groups.path
  const file =
    path === undefined ? 'action.yml' : /\.ya?ml$/.test(path) ? path : `${path}/action.yml`
  return { file, ref: match.groups.ref ?? '' }
}

/** What a called action or reusable workflow of ours declares. */
export function interfaceOf(file: string): {
  inputs: Record<string, Input>
  secrets?: Record<string, Input>
  outputs: Record<string, unknown>
} {
  if (file.startsWith('.github/workflows/')) {
    const call = (load(read(file)) as Workflow).on?.workflow_call ?? {}
    return { inputs: call.inputs ?? {}, secrets: call.secrets ?? {}, outputs: call.outputs ?? {} }
  }
  const action = load(read(file)) as Action
  return { inputs: action.inputs ?? {}, outputs: action.outputs ?? {} }
}

export function actionRef(): string {
  const pkg = JSON.parse(read('package.json')) as { actionRef?: string }
  return pkg.actionRef ?? 'v1'
}

/**
 * GitHub's own parser (@actions/workflow-parser) on a workflow, with the reusable workflows of ours
 * it calls read from this repository; returns its errors.
 */
export async function githubParserErrors(workflow: WorkflowText): Promise<string[]> {
  const parsed = parseWorkflow(
    { name: workflow.name, content: workflow.text },
    new NoOperationTraceWriter()
  )
  if (parsed.value === undefined) return parsed.context.errors.getErrors().map((e) => e.message)
  const provider = {
    getFileContent(ref: { path: string; owner?: string; repository?: string }) {
      const local = ref.owner === 'acme' && ref.repository === 'immutable-image'
      if (!local || !existsSync(join(root, ref.path)))
        return Promise.reject(new Error(`${ref.path} is not a workflow of ours`))
      return Promise.resolve({ name: ref.path, content: read(ref.path) })
    }
  }
  const template = await convertWorkflowTemplate(parsed.context, parsed.value, provider, {
    fetchReusableWorkflowDepth: 1
  })
  return (template.errors ?? []).map((error) => error.Message)
}
