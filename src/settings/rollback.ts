// The rollback action's inputs: a promotion of the environment's own tag, to `previous` by default.
import { InputError } from '../errors.js'
import { boolean, lines, text } from './inputs.js'
import type { PromoteSettings } from './promote.js'
import { environmentInput, imageInput, sourceInput, targetsInput } from './promotion-inputs.js'
import { registryAuthInputs } from './registry-auth.js'

export function getRollbackSettings(env: NodeJS.ProcessEnv = process.env): PromoteSettings {
  const image = imageInput(text('image'))
  const environment = environmentInput(text('environment'))
  if (environment === undefined)
    throw new InputError('environment', 'is required (e.g. staging or production)')
  const to = text('to')
  const source = to === '' ? ({ kind: 'previous' } as const) : sourceInput('to', to, image)
  const given = lines('target')
  const targets = targetsInput(given.length === 0 ? [environment] : given)
  return {
    image,
    source,
    targets,
    environment,
    record: boolean('record', true),
    ...registryAuthInputs(image, env)
  }
}
