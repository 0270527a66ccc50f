// The bench starts on an engine holding the base images alone: one that the test suite filled
// (hundreds of images) answers every call slower, and the numbers would measure that instead.
import { runCommand } from './command.js'

const BASE_IMAGES = 'immutable-image-base/*'
/** Image IDs given to one `docker image rm`, so that its command line stays short. */
const BATCH = 100

const ids = async (env: NodeJS.ProcessEnv, ...filter: string[]): Promise<Set<string>> =>
  new Set(
    (await runCommand('docker', ['image', 'ls', '--quiet', ...filter], { env }))
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
  )

/** Removes stopped containers and every image but the base images; says how many went. */
export async function resetEngine(env: NodeJS.ProcessEnv): Promise<number> {
  await runCommand('docker', ['container', 'prune', '--force'], { env })
  const keep = await ids(env, BASE_IMAGES)
  const doomed = [...(await ids(env))].filter((id) => !keep.has(id))
  for (let start = 0; start < doomed.length; start += BATCH) {
    await runCommand('docker', ['image', 'rm', '--force', ...doomed.slice(start, start + BATCH)], {
      env
    })
  }
  return doomed.length
}
