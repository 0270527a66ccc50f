// The three actions as a workflow step runs them: against the test engine, a test registry and a GitHub double.
import { pullRequestEvent, pushEvent } from './event-payloads.js'
import { WRITE_TOKEN, type GitHubApiDouble, type RepositorySeed } from './github-double/index.js'
import { runAction, type ActionRun, type ActionRunOptions } from './runner/runner.js'
import type { TestEnvironment } from './test-env.js'
import { makeWorkspace, type Workspace } from './workspace.js'

/** The repository the workflow runs in (GITHUB_REPOSITORY), unless told otherwise. */
export const REPOSITORY = { owner: 'acme', repo: 'web' } as const

/** GITHUB_SHA of a run given no checkout of its own: the commit a promotion's deployment names. */
export const RUNNER_SHA = '0'.repeat(40)

export interface Repository {
  readonly owner: string
  readonly repo: string
}

/** What the GitHub double holds for the repository: pull requests #1 to #99, the runner's commit and these. */
export function repositorySeed(
  repository: Repository,
  commits: readonly string[] = []
): RepositorySeed {
  return {
    ...repository,
    pullRequests: Array.from({ length: 99 }, (_, index) => index + 1),
    commits: [RUNNER_SHA, ...commits]
  }
}

export interface PullRequestRun {
  readonly number: number
  /** The head branch is in a fork. */
  readonly fork?: boolean
  /** The pull request's head commit; the checkout's commit by default. */
  readonly headSha?: string
  readonly headRef?: string
}

interface StepRun {
  /** Path of the image in the registry: the image input is `<registry>/<repository>`. */
  readonly repository: string
  /** host:port of the registry; the authenticated test registry by default. */
  readonly registry?: string
  /** Gives the step the test registry's username and password (true by default). */
  readonly login?: boolean
  readonly inputs?: Record<string, string>
  readonly env?: Record<string, string>
  /** What `${{ github.token }}` expands to; WRITE_TOKEN by default. */
  readonly token?: string
  /** Runs on this pull request's event instead of a push or a manual dispatch. */
  readonly pullRequest?: PullRequestRun
  /** Runner options passed on as they are: onOutput, onMainSpawn, onPostSpawn, runPost. */
  readonly onOutput?: ActionRunOptions['onOutput']
  readonly onMainSpawn?: ActionRunOptions['onMainSpawn']
  readonly onPostSpawn?: ActionRunOptions['onPostSpawn']
  readonly runPost?: ActionRunOptions['runPost']
}

export interface BuildRun extends StepRun {
  /** The checkout to build; GITHUB_SHA is its commit. */
  readonly workspace: Workspace
}

export interface PromotionRun extends StepRun {
  /** The checkout the step runs in; an empty one, with GITHUB_SHA the runner's commit, by default. */
  readonly workspace?: Workspace
}

export type BuildRunner = (run: BuildRun) => Promise<ActionRun>
export type PromotionRunner = (run: PromotionRun) => Promise<ActionRun>

export interface ActionRunners {
  readonly build: BuildRunner
  readonly promote: PromotionRunner
  readonly rollback: PromotionRunner
  /** The merge sub-action; give it the platform builds' workspace, whose commit it merges. */
  readonly merge: PromotionRunner
}

/** Runners for the build, promote and rollback actions, wired to one engine, registry and double. */
export function actionRunners(
  env: TestEnvironment,
  github: GitHubApiDouble,
  repository: Repository = REPOSITORY
): ActionRunners {
  const { owner, repo } = repository

  function stepOptions(run: StepRun, sha: string): Omit<ActionRunOptions, 'workspace'> {
    const pr = run.pullRequest
    return {
      token: run.token ?? WRITE_TOKEN,
      inputs: {
        image: `${run.registry ?? env.registry}/${run.repository}`,
        ...(run.login === false ? {} : { username: env.username, password: env.password }),
        ...run.inputs
      },
      env: {
        GITHUB_API_URL: github.url,
        GITHUB_REPOSITORY: `${owner}/${repo}`,
        GITHUB_SHA: sha,
        ...run.env
      },
      ...(pr === undefined
        ? {}
        : {
            eventName: 'pull_request',
            event: pullRequestEvent({
              owner,
              repo,
              number: pr.number,
              headSha: pr.headSha ?? sha,
              fork: pr.fork ?? false,
              ...(pr.headRef === undefined ? {} : { headRef: pr.headRef })
            })
          }),
      ...(run.onOutput === undefined ? {} : { onOutput: run.onOutput }),
      ...(run.onMainSpawn === undefined ? {} : { onMainSpawn: run.onMainSpawn }),
      ...(run.onPostSpawn === undefined ? {} : { onPostSpawn: run.onPostSpawn }),
      ...(run.runPost === undefined ? {} : { runPost: run.runPost })
    }
  }

  const build: BuildRunner = (run) =>
    runAction({
      workspace: run.workspace.dir,
      eventName: 'push',
      event: pushEvent({ owner, repo, sha: run.workspace.sha, ref: 'refs/heads/main' }),
      ...stepOptions(
        { ...run, inputs: { 'test-command': 'node --test', ...run.inputs } },
        run.workspace.sha
      )
    })

  const promotion =
    (action: 'promote' | 'rollback' | 'merge'): PromotionRunner =>
    (run) =>
      runAction({
        action,
        workspace: (run.workspace ?? makeWorkspace({}, { example: false })).dir,
        eventName: 'workflow_dispatch',
        ...stepOptions(run, run.workspace?.sha ?? RUNNER_SHA)
      })

  return {
    build,
    promote: promotion('promote'),
    rollback: promotion('rollback'),
    merge: promotion('merge')
  }
}
