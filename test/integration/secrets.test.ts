// Secrets and hostile pull request text stay out of everything the actions write.
import { describe, expect } from 'vitest'
import {
  freshRepository,
  it,
  makeWorkspace,
  WRITE_TOKEN,
  type ActionRun,
  type GitHubApiDouble,
  type TestEnvironment
} from '../harness/index.js'

const BUILD_SECRET = 'build-arg-secret-7f3a9c'
const HOSTILE_OUTPUT = [
  '```',
  '</details></details>',
  '<img src=x onerror=alert(1)>',
  '@octocat @acme/everyone please look',
  '````',
  'end of hostile output'
].join('\n')

const runs: ActionRun[] = []

it.beforeAll(async ({ build, promote }) => {
  const workspace = makeWorkspace({
    Dockerfile:
      'FROM immutable-image-base/busybox:1\nARG TOKEN\nRUN test -n "$TOKEN"\nCOPY hostile.txt /hostile.txt\n',
    'hostile.txt': `${HOSTILE_OUTPUT}\n`
  })
  const common = {
    workspace,
    repository: freshRepository('secrets'),
    pullRequest: { number: 81, headRef: 'feature/`rm -rf`-<script>' }
  }
  const buildInputs = { 'build-args': `TOKEN=${BUILD_SECRET}`, network: 'host' }
  runs.push(
    await build({
      ...common,
      inputs: { ...buildInputs, 'test-command': 'cat /hostile.txt; exit 3' }
    }),
    await build({ ...common, inputs: { ...buildInputs, 'test-command': 'true' } }),
    await promote({
      ...common,
      inputs: { source: `sha-${workspace.sha.slice(0, 7)}`, target: 'staging' }
    })
  )
})

function everythingWritten(github: GitHubApiDouble): string {
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

  it.for([
    ['the registry password', 'log', (env: TestEnvironment): string => env.password],
    ['the GitHub token', 'log', (): string => WRITE_TOKEN],
    // Build args are not secrets: BuildKit names each RUN step with them expanded, and the image
    // history keeps them. Everything the action writes itself stays clean.
    ['a build-arg value', 'log but BuildKit’s progress', (): string => BUILD_SECRET]
  ] as const)(
    '%s reaches no %s, output, summary, comment, deployment or docker argument',
    ([, log, secret], { env, github }) => {
      const value = secret(env)
      let written = everythingWritten(github).replaceAll(`::add-mask::${value}`, '')
      if (log !== 'log') written = written.replace(/^#\d+ .*$/gm, '')
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
  it('cannot break out of the comment’s code block, ping anyone or inject HTML', ({ github }) => {
    const comment = github.commentsOn(81)[0]
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
