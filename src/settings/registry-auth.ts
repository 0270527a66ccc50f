// Registry credentials from the inputs, shared by every action that talks to a registry.
import * as core from '../runner/core.js'
import { InputError } from '../errors.js'
import type { Credentials } from '../registry/credentials.js'
import type { Repository } from '../registry/reference.js'
import { text } from './inputs.js'

export interface RegistryAuthInputs {
  /** Explicit credentials; undefined means whatever the Docker config holds, or none. */
  readonly credentials: Credentials | undefined
  readonly githubToken: string
}

/** username/password, else the actor and github-token for ghcr.io; secrets are masked on read. */
export function registryAuthInputs(image: Repository, env: NodeJS.ProcessEnv): RegistryAuthInputs {
  const username = text('username')
  const password = text('password')
  const githubToken = text('github-token')
  for (const secret of [password, githubToken]) if (secret !== '') core.setSecret(secret)
  if (username !== '' && password === '') {
    throw new InputError('password', `is empty but username '${username}' is set`)
  }
  if (password !== '' && username === '') {
    throw new InputError('username', 'is empty but password is set')
  }
  if (username !== '') return { credentials: { username, password }, githubToken }
  if (image.registry === 'ghcr.io' && githubToken !== '') {
    return {
      credentials: { username: env.GITHUB_ACTOR || 'github-actions', password: githubToken },
      githubToken
    }
  }
  return { credentials: undefined, githubToken }
}
