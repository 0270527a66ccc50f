// The harness outside vitest (the demo): the test engine and registries, a GitHub double and the runners.
import { actionRunners, repositorySeed, type ActionRunners, type Repository } from './actions.js'
import { startGitHubApiDouble, type GitHubApiDouble } from './github-double/index.js'
import { testEnv, type TestEnvironment } from './test-env.js'

export interface HarnessSession extends ActionRunners {
  readonly env: TestEnvironment
  readonly github: GitHubApiDouble
  /** Stops the GitHub double. */
  close(): Promise<void>
}

/** What the fixture gives a test file, for a workflow in the repository whose commits the double knows. */
export async function openHarness(
  repository: Repository,
  commits: readonly string[] = [],
  env: TestEnvironment = testEnv()
): Promise<HarnessSession> {
  const github = await startGitHubApiDouble({ repositories: [repositorySeed(repository, commits)] })
  return { env, github, ...actionRunners(env, github, repository), close: () => github.close() }
}
