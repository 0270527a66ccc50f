// Deployments and their statuses: create and list, with GitHub's ref check and auto_inactive.
import {
  ApiError,
  findInRepository,
  inRepository,
  newestFirst,
  paginated,
  validationFailed,
  type Call,
  type Reply,
  type Route
} from './router.js'
import { deploymentJson, statusJson } from './shapes.js'
import {
  resolveRef,
  timestamp,
  type DeploymentState,
  type StoredDeployment,
  type StoredDeploymentStatus
} from './store.js'
import type { Need } from './tokens.js'

const MAX_STATUS_DESCRIPTION = 140
const READ: Need = { scopes: ['deployments'], access: 'read' }
const WRITE: Need = { scopes: ['deployments'], access: 'write' }

// The request was checked against the description already: fields have their documented types.
function text(call: Call, name: string): string | undefined {
  return call.body[name] as string | undefined
}

function flag(call: Call, name: string): boolean | undefined {
  return call.body[name] as boolean | undefined
}

function createDeployment(call: Call): Reply {
  const repository = inRepository(call)
  const ref = String(call.body.ref)
  const sha = resolveRef(repository, ref)
  if (sha === undefined) throw new ApiError(422, `No ref found for: ${ref}`)
  const environment = text(call, 'environment') ?? 'production'
  const now = timestamp()
  const deployment: StoredDeployment = {
    id: ++call.store.ids.deployment,
    owner: repository.owner,
    repo: repository.repo,
    ref,
    sha,
    task: text(call, 'task') ?? 'deploy',
    payload: (call.body.payload as StoredDeployment['payload'] | undefined) ?? {},
    originalEnvironment: environment,
    environment,
    description: call.body.description === null ? null : (text(call, 'description') ?? ''),
    transientEnvironment: flag(call, 'transient_environment') ?? false,
    productionEnvironment: flag(call, 'production_environment') ?? environment === 'production',
    creator: call.grant.identity,
    createdAt: now,
    updatedAt: now,
    statuses: []
  }
  call.store.deployments.push(deployment)
  const json = deploymentJson(deployment, call.store.base)
  return { status: 201, body: json, headers: { location: String(json.url) } }
}

function listDeployments(call: Call): Reply {
  const { owner, repo } = inRepository(call)
  const filters = (['sha', 'ref', 'task', 'environment'] as const).flatMap((name) => {
    const value = call.query.get(name)
    return value === null ? [] : [[name, value] as const]
  })
  const deployments = call.store.deployments.filter(
    (d) =>
      d.owner === owner && d.repo === repo && filters.every(([name, value]) => d[name] === value)
  )
  return paginated(
    call,
    newestFirst(deployments).map((d) => deploymentJson(d, call.store.base))
  )
}

function findDeployment(call: Call): StoredDeployment {
  return findInRepository(call, call.store.deployments, 'deployment_id')
}

function createDeploymentStatus(call: Call): Reply {
  const deployment = findDeployment(call)
  const state = call.body.state as DeploymentState
  const description = text(call, 'description') ?? ''
  if (description.length > MAX_STATUS_DESCRIPTION) {
    throw validationFailed(
      'DeploymentStatus',
      'description',
      'custom',
      `description is too long (maximum is ${MAX_STATUS_DESCRIPTION} characters)`
    )
  }
  const status = recordStatus(call, deployment, {
    state,
    description,
    environment: text(call, 'environment') ?? deployment.environment,
    logUrl: text(call, 'log_url') ?? text(call, 'target_url') ?? '',
    environmentUrl: text(call, 'environment_url') ?? ''
  })
  if (state === 'success' && (flag(call, 'auto_inactive') ?? true)) {
    inactivatePriorDeployments(call, deployment)
  }
  const json = statusJson(deployment, status, call.store.base)
  return { status: 201, body: json, headers: { location: String(json.url) } }
}

function recordStatus(
  call: Call,
  deployment: StoredDeployment,
  fields: Pick<
    StoredDeploymentStatus,
    'state' | 'description' | 'environment' | 'logUrl' | 'environmentUrl'
  >
): StoredDeploymentStatus {
  const status: StoredDeploymentStatus = {
    id: ++call.store.ids.status,
    creator: call.grant.identity,
    createdAt: timestamp(),
    ...fields
  }
  deployment.statuses.push(status)
  deployment.environment = status.environment
  deployment.updatedAt = status.createdAt
  return status
}

/**
 * What GitHub documents for auto_inactive: prior non-transient, non-production deployments of the
 * same repository and environment whose latest status is success get an inactive status.
 */
function inactivatePriorDeployments(call: Call, current: StoredDeployment): void {
  for (const prior of call.store.deployments) {
    if (
      prior.id < current.id &&
      prior.owner === current.owner &&
      prior.repo === current.repo &&
      prior.environment === current.environment &&
      !prior.transientEnvironment &&
      !prior.productionEnvironment &&
      prior.statuses.at(-1)?.state === 'success'
    ) {
      recordStatus(call, prior, {
        state: 'inactive',
        description: '',
        environment: prior.environment,
        logUrl: '',
        environmentUrl: ''
      })
    }
  }
}

function listDeploymentStatuses(call: Call): Reply {
  const deployment = findDeployment(call)
  return paginated(
    call,
    newestFirst(deployment.statuses).map((s) => statusJson(deployment, s, call.store.base))
  )
}

const DEPLOYMENTS = '/repos/{owner}/{repo}/deployments'

export const deploymentRoutes: readonly Route[] = [
  { method: 'GET', template: DEPLOYMENTS, need: READ, handle: listDeployments },
  { method: 'POST', template: DEPLOYMENTS, need: WRITE, handle: createDeployment },
  {
    method: 'GET',
    template: `${DEPLOYMENTS}/{deployment_id}/statuses`,
    need: READ,
    handle: listDeploymentStatuses
  },
  {
    method: 'POST',
    template: `${DEPLOYMENTS}/{deployment_id}/statuses`,
    need: WRITE,
    handle: createDeploymentStatus
  }
]
