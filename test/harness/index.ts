// What an integration test imports: the fixture, and the helpers that look at the engine and registries.
export { it } from './fixture.js'
export {
  REPOSITORY,
  RUNNER_SHA,
  type BuildRun,
  type BuildRunner,
  type PromotionRun,
  type PromotionRunner
} from './actions.js'
export { pullRequestEvent, pushEvent } from './event-payloads.js'
export {
  PERSONAL_TOKEN,
  rateLimitExceeded,
  READ_TOKEN,
  WRITE_TOKEN,
  type GitHubApiDouble
} from './github-double/index.js'
export { startDyingEngine } from './dying-engine.js'
export type { CountingProxy, Fault } from './registry/counting-proxy.js'
export { endless, useHostileRegistries } from './registry/hostile-registry.js'
export { storedObjects, type StoredObject } from './registry/blobs.js'
export { pushImage } from './registry/images.js'
export { freshRepository, MANIFEST_ACCEPT, tagDigest } from './registry/tags.js'
export { bearerToken, pushTokenImage, tokenTagDigest } from './registry/token-images.js'
export { runAction, type ActionRun } from './runner/runner.js'
export { dockerConfigWithoutBuildx, linkBuildxPlugin, type TestEnvironment } from './test-env.js'
export { buildCommands } from './build-commands.js'
export { BUSYBOX_TEST_COMMAND, busyboxWorkspace } from './busybox-workspace.js'
export { commitChange, makeWorkspace, writeFiles, type Workspace } from './workspace.js'
export {
  attachArtifact,
  cosignKeyPair,
  cosignSign,
  cosignVerify,
  oras,
  type CosignKey
} from './registry/signing-tools.js'
