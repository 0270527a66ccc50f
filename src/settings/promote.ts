// The promote action's inputs, read once into one typed settings object.
import type { Repository, Tag } from '../registry/reference.js'
import { boolean, lines, text } from './inputs.js'
import {
  environmentInput,
  imageInput,
  sourceInput,
  targetsInput,
  type Source
} from './promotion-inputs.js'
import { registryAuthInputs, type RegistryAuthInputs } from './registry-auth.js'

export type { Source } from './promotion-inputs.js'

/** What one promotion does; rollback builds the same object from its own inputs. */
export interface PromoteSettings extends RegistryAuthInputs {
  readonly image: Repository
  readonly source: Source
  /** Tags to point at the source's digest; never empty. */
  readonly targets: readonly Tag[]
  readonly environment: string
  readonly record: boolean
}

export function getPromoteSettings(env: NodeJS.ProcessEnv = process.env): PromoteSettings {
  const image = imageInput(text('image'))
  const environment = environmentInput(text('environment'))
  const source = sourceInput('source', text('source'), image)
  const targets = targetsInput(lines('target'))
  return {
    image,
    source,
    targets,
    environment: environment ?? (targets[0] as string),
    record: boolean('record', true),
    ...registryAuthInputs(image, env)
  }
}
