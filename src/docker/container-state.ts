// What `docker container inspect --format '{{json .State}}'` says about a container, read defensively.

export type HealthStatus = 'starting' | 'healthy' | 'unhealthy'

export interface ContainerState {
  readonly running: boolean
  readonly exitCode: number
  readonly oomKilled: boolean
  /** undefined when the image has no HEALTHCHECK (or disables it). */
  readonly health: HealthStatus | undefined
  /** The output of the HEALTHCHECK's last run, when it has run. */
  readonly lastHealthCheck: { readonly exitCode: number; readonly output: string } | undefined
}

const HEALTH: readonly HealthStatus[] = ['starting', 'healthy', 'unhealthy']

/** The state, or undefined when the text is not the JSON docker prints for one. */
export function parseContainerState(text: string): ContainerState | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const state = value as Record<string, unknown>
  if (typeof state.Running !== 'boolean' || typeof state.ExitCode !== 'number') return undefined
  const health = (state.Health ?? undefined) as Record<string, unknown> | undefined
  return {
    running: state.Running,
    exitCode: state.ExitCode,
    oomKilled: state.OOMKilled === true,
    health: HEALTH.find((status) => status === health?.Status),
    lastHealthCheck: lastHealthCheck(health?.Log)
  }
}

function lastHealthCheck(log: unknown): ContainerState['lastHealthCheck'] {
  if (!Array.isArray(log)) return undefined
  const last = log.at(-1) as Record<string, unknown> | undefined
  if (typeof last?.ExitCode !== 'number') return undefined
  return { exitCode: last.ExitCode, output: typeof last.Output === 'string' ? last.Output : '' }
}
