// What the build pipeline is created from, as unit tests on a fake engine give it: a push that
// never reaches a registry (push: false), on acme/web.
import type { RunContext } from '../../../src/github/context.js'
import { parseRepository } from '../../../src/registry/reference.js'
import type { BuildSettings } from '../../../src/settings/build.js'
import type { BuildxInputs } from '../../../src/settings/buildx-inputs.js'

/** None of the build-push-action inputs given, as getBuildSettings reads an empty `with:`. */
export const NO_BUILDX_INPUTS: BuildxInputs = {
  secrets: [],
  secretEnvs: [],
  cacheFrom: [],
  cacheTo: [],
  buildContexts: [],
  ssh: [],
  provenance: undefined,
  sbom: undefined,
  pull: false,
  noCache: false,
  shmSize: undefined,
  ulimits: [],
  addHosts: [],
  platforms: []
}

export function pipelineSettings(overrides: Partial<BuildSettings> = {}): BuildSettings {
  return {
    image: parseRepository('ghcr.io/acme/web'),
    context: '/nonexistent/context',
    file: '/nonexistent/context/Dockerfile',
    buildArgs: new Map(),
    target: undefined,
    testTarget: undefined,
    network: undefined,
    buildx: NO_BUILDX_INPUTS,
    labels: new Map(),
    extraTags: [],
    shaFormat: 'short',
    test: {
      command: ['/bin/sh', '-c', 'true'],
      smokeTest: undefined,
      env: new Map(),
      network: 'none',
      memory: undefined,
      pidsLimit: undefined,
      timeoutSeconds: 60
    },
    // No push: the pipeline never asks the registry, so the engine is all it talks to.
    push: false,
    pushByDigest: false,
    ifExists: 'skip',
    comment: false,
    credentials: undefined,
    githubToken: '',
    ...overrides
  }
}

export function pushContext(sha: string): RunContext {
  return {
    owner: 'acme',
    repo: 'web',
    eventName: 'push',
    eventSha: sha,
    eventCommitTime: undefined,
    pullRequest: undefined,
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    repositoryUrl: 'https://github.com/acme/web',
    runUrl: 'https://github.com/acme/web/actions/runs/1',
    actor: 'octocat'
  }
}
