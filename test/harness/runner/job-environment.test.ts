import { describe, expect, it } from 'vitest'
import type { StepFileCommands } from './file-commands.js'
import { JobEnvironment } from './job-environment.js'

function wrote(env: Record<string, string>, path: string[] = []): StepFileCommands {
  return { outputs: {}, state: {}, env, path, summary: '', errors: [] }
}

describe('the job environment later steps start from', () => {
  it('keeps each variable GITHUB_ENV set, the latest value winning', () => {
    const job = new JobEnvironment()
    job.apply(wrote({ A: '1', B: '1' }))
    job.apply(wrote({ B: '2' }))
    expect(job.env).toEqual({ A: '1', B: '2' })
  })

  it('puts the GITHUB_PATH directories before PATH, the newest first', () => {
    const job = new JobEnvironment()
    job.apply(wrote({}, ['/a', '/b']))
    job.apply(wrote({}, ['/c']))
    expect(job.path('/usr/bin')).toBe('/c:/b:/a:/usr/bin')
  })

  it('moves a directory added again to the front', () => {
    const job = new JobEnvironment()
    job.apply(wrote({}, ['/a', '/b']))
    job.apply(wrote({}, ['/a']))
    expect(job.path('/usr/bin')).toBe('/a:/b:/usr/bin')
  })

  it('adds no separator to an empty PATH, and nothing already first', () => {
    const job = new JobEnvironment()
    expect(job.path('/usr/bin')).toBe('/usr/bin')
    job.apply(wrote({}, ['/a']))
    expect(job.path('')).toBe('/a')
    expect(job.path('/a:/usr/bin')).toBe('/a:/usr/bin')
  })
})
