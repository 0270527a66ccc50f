// An in-memory deployment history: what was created, with every status set, newest listed first.
import type {
  DeploymentHistory,
  DeploymentRecord,
  DeploymentStatus,
  NewDeployment
} from '../../../src/github/deployment-history.js'

export interface FakeDeployment extends NewDeployment {
  readonly id: number
  readonly statuses: DeploymentStatus[]
}

export class FakeDeploymentHistory implements DeploymentHistory {
  readonly deployments: FakeDeployment[] = []
  /** Deployments someone else wrote, newest first, with the state of their latest status. */
  private readonly seeded: { id: number; environment: string; payload: unknown; state: string }[] =
    []
  private nextId = 100

  /** A deployment as anyone with `deployments: write` could have left it, newer than the others. */
  seed(
    environment: string,
    payload: unknown,
    options: { id?: number; state?: string } = {}
  ): number {
    const id = options.id ?? this.nextId++
    this.seeded.unshift({ id, environment, payload, state: options.state ?? 'success' })
    return id
  }

  /** Ours (newest first), then the seeded ones: a test seeds only what came before it. */
  async *list(environment: string): AsyncIterable<DeploymentRecord> {
    const all = [...[...this.deployments].reverse(), ...this.seeded]
    for (const deployment of all.filter((each) => each.environment === environment)) {
      yield await Promise.resolve({ id: deployment.id, payload: deployment.payload })
    }
  }

  latestState(deploymentId: number): Promise<string> {
    const seeded = this.seeded.find((deployment) => deployment.id === deploymentId)
    if (seeded !== undefined) return Promise.resolve(seeded.state)
    const ours = this.deployments.find((deployment) => deployment.id === deploymentId)
    return Promise.resolve(ours?.statuses.at(-1)?.state ?? 'pending')
  }

  create(deployment: NewDeployment): Promise<number> {
    const id = this.nextId++
    this.deployments.push({ ...deployment, id, statuses: [] })
    return Promise.resolve(id)
  }

  setStatus(deploymentId: number, status: DeploymentStatus): Promise<void> {
    const deployment = this.deployments.find((candidate) => candidate.id === deploymentId)
    if (deployment === undefined) return Promise.reject(new Error(`no deployment ${deploymentId}`))
    deployment.statuses.push(status)
    return Promise.resolve()
  }
}
