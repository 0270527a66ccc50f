// The GITHUB_TOKEN permissions a job is granted, and those its steps and called workflows need.
import {
  jobsOf,
  ours,
  type Job,
  type PermissionsValue,
  type Step,
  type Workflow
} from './support.js'

export type Level = 'none' | 'read' | 'write'
/** Scope → level; a scope not listed needs or grants nothing. */
export type Permissions = Readonly<Record<string, Level>>

const rank: Record<Level, number> = { none: 0, read: 1, write: 2 }

/**
 * The restricted default of repositories and organizations since 2023, what a job gets when neither
 * it nor its workflow says `permissions:`. Checking against it also covers the permissive default.
 */
export const restrictedDefault: Permissions = { contents: 'read', packages: 'read' }

/** The level a `permissions:` value grants one scope. */
export function granted(value: PermissionsValue | undefined, scope: string): Level {
  if (value === undefined) return restrictedDefault[scope] ?? 'none'
  // id-token has no read level: read-all leaves it out.
  if (value === 'read-all') return scope === 'id-token' ? 'none' : 'read'
  if (value === 'write-all') return 'write'
  if (typeof value === 'string') return 'none'
  const level = value[scope]
  return level === 'read' || level === 'write' ? level : 'none'
}

/** What a job runs with: its own `permissions:`, else its workflow's, else the default. */
export function jobGrant(workflow: Workflow, job: Job): PermissionsValue | undefined {
  return job.permissions ?? workflow.permissions
}

/** Each scope at the higher of the two levels. */
export function union(...all: Permissions[]): Permissions {
  const result: Record<string, Level> = {}
  for (const permissions of all) {
    for (const [scope, level] of Object.entries(permissions)) {
      if (rank[level] > rank[result[scope] ?? 'none']) result[scope] = level
    }
  }
  return result
}

/** `scope: level (granted …)` for each scope the grant falls short of. */
export function shortfall(grant: PermissionsValue | undefined, needed: Permissions): string[] {
  return Object.entries(needed)
    .filter(([scope, level]) => rank[granted(grant, scope)] < rank[level])
    .map(([scope, level]) => `${scope}: ${level} (granted ${granted(grant, scope)})`)
}

/** A literal `false` (an expression may be true at run time, so it needs the permission). */
const isFalse = (value: unknown): boolean => value === false || value === 'false'
const onGhcr = (image: unknown): boolean =>
  typeof image !== 'string' || image === '' || image.includes('${{') || image.startsWith('ghcr.io/')

/** The events that can start a workflow: `on:` as a name, a list or a mapping. */
export function eventsOf(workflow: Workflow): string[] {
  const on = workflow.on as unknown
  if (typeof on === 'string') return [on]
  if (Array.isArray(on)) return on.map(String)
  return Object.keys(on ?? {})
}

/**
 * The permissions one step needs, from what each action does with the token; the build and merge
 * actions comment only on a pull request.
 */
export function stepNeeds(step: Step, events: readonly string[]): Permissions {
  const uses = step.uses ?? ''
  const inputs = step.with ?? {}
  const target = ours(uses)
  if (target !== undefined) {
    const pushes = target.file === 'action.yml' ? !isFalse(inputs.push) : true
    const packages: Permissions = onGhcr(inputs.image) && pushes ? { packages: 'write' } : {}
    // The build and merge comment on a pull request; promote and rollback record deployments.
    if (target.file === 'action.yml' || target.file === 'merge/action.yml') {
      const comments = !isFalse(inputs.comment) && events.includes('pull_request')
      return union(packages, comments ? { 'pull-requests': 'write' } : {})
    }
    return union(packages, isFalse(inputs.record) ? {} : { deployments: 'write' })
  }
  if (uses.startsWith('actions/checkout@')) return { contents: 'read' }
  if (uses.startsWith('aws-actions/configure-aws-credentials@') && 'role-to-assume' in inputs)
    return { 'id-token': 'write' }
  if (uses.startsWith('actions/attest-build-provenance@')) {
    const signs: Permissions = { 'id-token': 'write', attestations: 'write' }
    const pushes = !isFalse(inputs['push-to-registry'] ?? false) && onGhcr(inputs['subject-name'])
    return union(signs, pushes ? { packages: 'write' } : {})
  }
  return {}
}

const shorthandScopes = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'packages',
  'pages',
  'pull-requests',
  'security-events',
  'statuses'
]

/** What a job's `permissions:` declares, scope by scope; nothing when it inherits. */
export function declared(value: PermissionsValue | undefined): Permissions {
  if (value === undefined) return {}
  const scopes = typeof value === 'string' ? shorthandScopes : Object.keys(value)
  return Object.fromEntries(
    scopes.map((scope) => [scope, granted(value, scope)]).filter(([, level]) => level !== 'none')
  ) as Permissions
}

/**
 * What a called workflow's jobs ask for (what they declare, or what their steps need when they
 * inherit): GitHub refuses the call unless its caller grants at least as much.
 */
export function calledWorkflowNeeds(called: Workflow): Permissions {
  return union(
    ...jobsOf(called).map(([, job]) => {
      const grant = jobGrant(called, job)
      if (grant !== undefined) return declared(grant)
      return union(...(job.steps ?? []).map((step) => stepNeeds(step, eventsOf(called))))
    })
  )
}
