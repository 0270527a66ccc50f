// What the buildx-inputs tests share: inputs set as the runner sets them, the masks asked for.
import { vi } from 'vitest'
import { captureStdout } from '../harness/fakes/stdout.js'

/** The values the step asked the runner to mask, as ::add-mask:: lines carry them. */
export function masking(): () => string[] {
  const written = captureStdout()
  return () =>
    [...written().matchAll(/^::add-mask::(.*)$/gm)].map(([, value]) =>
      (value ?? '').replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%')
    )
}

export function inputs(values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values))
    vi.stubEnv(`INPUT_${name.toUpperCase()}`, value)
}

export const RUN_ENV = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/web',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '2'
}
export const BUILDER_ID = 'builder-id=https://github.com/acme/web/actions/runs/42/attempts/2'
