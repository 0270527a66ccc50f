import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  startGitHubApiDouble,
  WRITE_TOKEN,
  type GitHubApiDouble
} from '../support/github-double/index.js'
import { pullRequestEvent } from '../support/event-payloads.js'
import { freshRepository } from './support/registry.js'
import { runAction, type ActionRun } from './support/runner.js'
import { testEnv } from './support/test-env.js'
import { makeWorkspace } from './support/workspace.js'

const BUILD_SECRET = 'build-arg-secret-7f3a9c'
const HOSTILE_OUTPUT = [
  '```',
  '</details></details>',
  '<img src=x onerror=alert(1)>',
  '@octocat @acme/everyone please look',
  '````',
  'end of hostile output'
].join('\n')

let github: GitHubApiDouble
const runs: ActionRun[] = []

beforeAll(async () => {
  github = await startGitHubApiDouble({
    repositories: [{ owner: 'acme', repo: 'web', pullRequests: [81] }]
  })
  const { registry, username, password } = testEnv()
  const workspace = makeWorkspace({
    Dockerfile:
      'FROM immutable-image-base/busybox:1\nARG TOKEN\nRUN test -n "$TOKEN"\nCOPY hostile.txt /hostile.txt\n',
    'hostile.txt': `${HOSTILE_OUTPUT}\n`
  })
  const path = freshRepository('secrets')
  const event = pullRequestEvent({
    owner: 'acme',
    repo: 'web',
    number: 81,
    headSha: workspace.sha,
    headRef: 'feature/`rm -rf`-<script>'
  })
  const common = {
    workspace: workspace.dir,
    token: WRITE_TOKEN,
    eventName: 'pull_request',
    event,
    env: { GITHUB_API_URL: github.url, GITHUB_SHA: workspace.sha }
  }
  runs.push(
    await runAction({
      ...common,
      inputs: {
        image: `${registry}/${path}`,
        username,
        password,
        'build-args': `TOKEN=${BUILD_SECRET}`,
        'test-command': 'cat /hostile.txt; exit 3'
      }
    }),
    await runAction({
      ...common,
      inputs: {
        image: `${registry}/${path}`,
        username,
        password,
        'build-args': `TOKEN=${BUILD_SECRET}`,
        'test-command': 'true'
      }
    }),
    await runAction({
      action: 'promote',
      ...common,
      inputs: {
        image: `${registry}/${path}`,
        username,
        password,
        source: `sha-${workspace.sha.slice(0, 7)}`,
        target: 'staging'
      }
    })
  )
})

afterAll(async () => {
  await github.close()
})

afterEach(() => {
  github.assertNoViolations()
})

function everythingWritten(): string {
  const fromRuns = runs.flatMap((run) => [
    run.main.stdout,
    run.main.stderr,
    run.post?.stdout ?? '',
    run.post?.stderr ?? '',
    run.summary,
    JSON.stringify(run.outputs)
  ])
  const toGitHub = github.requests.map((request) =>
    JSON.stringify({ path: request.path, body: request.body })
  )
  return [...fromRuns, ...toGitHub].join('\n')
}

describe('secrets', () => {
  it('ran the failing, the passing and the promoting step', () => {
    expect(runs.map((run) => run.main.exitCode)).toEqual([1, 0, 0])
  })

  it.each([
    ['the registry password', (): string => testEnv().password],
    ['the GitHub token', (): string => WRITE_TOKEN],
    ['a build-arg value', (): string => BUILD_SECRET]
  ])(
    '%s reaches no log, output, summary, comment, deployment or docker argument',
    (_name, secret) => {
      const value = secret()
      const written = everythingWritten().replaceAll(`::add-mask::${value}`, '')
      expect(written).not.toContain(value)
      const dockerArguments = runs.flatMap((run) =>
        run.main.stdout.split('\n').filter((line) => line.startsWith('[command]'))
      )
      expect(dockerArguments.length).toBeGreaterThan(3)
      expect(dockerArguments.join('\n')).not.toContain(value)
    }
  )
})

describe('text from the pull request and its tests', () => {
  it('cannot break out of the comment’s code block, ping anyone or inject HTML', () => {
    const comment = github.comments.find((candidate) => candidate.issueNumber === 81)
    expect(comment).toBeDefined()
    const failedBody =
      github.requests
        .filter(
          (request) => request.method === 'POST' && request.path.endsWith('/issues/81/comments')
        )
        .map((request) => (request.body as { body: string }).body)[0] ?? ''
    const fence = /\n(`{5,})text\n/.exec(failedBody)?.[1]
    expect(fence).toBeDefined()
    const inside = failedBody.slice(
      failedBody.indexOf(`${fence ?? ''}text\n`),
      failedBody.lastIndexOf(`\n${fence ?? ''}`)
    )
    expect(inside).toContain('</details></details>')
    expect(inside).toContain('@octocat')
    const outside = failedBody.replace(inside, '')
    expect(outside).not.toContain('<img')
    expect(outside).not.toMatch(/@octocat/)
    expect(outside.match(/<details/g)?.length).toBe(outside.match(/<\/details>/g)?.length)
  })
})
