// A Docker config directory of our own under RUNNER_TEMP, so a login never outlives the job.
import { copyFile, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ActionError } from '../errors.js'
import type { Credentials } from '../registry/credentials.js'
import { loginArgs } from './args.js'
import { lastLine, type Docker } from './docker.js'

/**
 * Copies what the job's Docker config already holds (logins made by docker/login-action, the buildx
 * builder chosen by setup-buildx-action) so logging in here adds to it rather than hiding it.
 */
export async function createDockerConfig(
  userConfigDir: string,
  env: NodeJS.ProcessEnv = process.env
): Promise<string> {
  const parent = env.RUNNER_TEMP ?? tmpdir()
  await mkdir(parent, { recursive: true })
  const dir = await mkdtemp(join(parent, 'immutable-image-docker-'))
  if (existsSync(join(userConfigDir, 'config.json'))) {
    await copyFile(join(userConfigDir, 'config.json'), join(dir, 'config.json'))
  }
  for (const shared of ['buildx', 'cli-plugins', 'contexts']) {
    if (existsSync(join(userConfigDir, shared)))
      await symlink(join(userConfigDir, shared), join(dir, shared))
  }
  return dir
}

export async function removeDockerConfig(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}

export async function login(
  docker: Docker,
  registry: string,
  credentials: Credentials
): Promise<void> {
  const result = await docker.run(loginArgs(registry, credentials.username), {
    input: Buffer.from(credentials.password),
    silent: true,
    allowFailure: true
  })
  if (result.exitCode !== 0) {
    const reason = lastLine(result.stderr)
    const refused = /unauthorized|denied|incorrect|401|403/i.test(reason)
    throw new ActionError(
      refused
        ? `authentication failed for registry ${registry} as '${credentials.username}': check the username and password inputs`
        : `docker login to ${registry} failed: ${reason}`
    )
  }
}
