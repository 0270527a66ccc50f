// The one factory the build and promote/rollback open their image's repository with.
import * as core from '../runner/core.js'
import { RegistryClient } from './client.js'
import { credentialsFromDockerConfig, dockerConfigDir, type Credentials } from './credentials.js'
import type { RegistryRetryPolicy } from './http.js'
import type { Repository } from './reference.js'
import type { ImageRepository } from './repository.js'

export interface RepositoryAccess {
  /** Explicit credentials; undefined means whatever `docker login` left in the Docker config. */
  readonly credentials: Credentials | undefined
  readonly retry?: RegistryRetryPolicy
}

/**
 * The image's repository with push access, for the build and for promote and rollback alike:
 * the credentials given, else the Docker config's (masked), else none.
 */
export async function openRepository(
  image: Repository,
  access: RepositoryAccess
): Promise<ImageRepository> {
  const credentials =
    access.credentials ?? (await credentialsFromDockerConfig(image.registry, dockerConfigDir()))
  if (access.credentials === undefined && credentials !== undefined) {
    core.setSecret(credentials.password)
  }
  const client = new RegistryClient(image.registry, {
    access: 'push',
    credentials,
    ...(access.retry === undefined ? {} : { retry: access.retry })
  })
  return client.repository(image)
}
