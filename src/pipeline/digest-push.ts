// push-by-digest: the tested image's own bytes, saved by the engine, pushed by digest with no tag.
import * as core from '../runner/core.js'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Docker } from '../docker/docker.js'
import { ActionError } from '../errors.js'
import { pushLayout } from '../registry/layout-push.js'
import type { ManifestDescriptor } from '../registry/client.js'
import { isDigest } from '../registry/reference.js'
import type { ImageRepository } from '../registry/repository.js'
import type { BuiltImage } from './image-build.js'

/**
 * `docker push` needs a tag; `docker save` writes the image as an OCI layout (containerd store),
 * whose blobs and manifests our client uploads. Nothing is tagged, so a failure half-way leaves only
 * unreferenced blobs.
 */
export async function pushByDigest(
  docker: Docker,
  registry: ImageRepository,
  built: BuiltImage
): Promise<ManifestDescriptor> {
  if (!isDigest(built.id))
    throw new ActionError(`the engine named the image '${built.id}', not a digest`)
  const { mkdtemp, rm } = process.getBuiltinModule('node:fs/promises')
  const scratch = await mkdtemp(join(process.env.RUNNER_TEMP ?? tmpdir(), 'immutable-image-save-'))
  try {
    const archive = join(scratch, 'image.tar')
    core.info(`Saving ${built.runTag} from the engine`)
    await docker.run(['save', '--output', archive, built.runTag], { silent: true })
    const pushed = await pushLayout(registry.client, registry.image.path, archive, built.id)
    core.info(
      `Pushed ${registry.name}@${pushed.digest} by digest, no tag: ${pushed.uploaded} blobs uploaded, ${pushed.present} already there`
    )
    const listed = await registry.resolve(pushed.digest)
    if (listed === undefined) {
      throw new ActionError(
        `the registry does not list ${registry.name}@${pushed.digest} right after the push`
      )
    }
    return { ...listed, digest: pushed.digest }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}
