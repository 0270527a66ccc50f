import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  READ_TOKEN,
  startGitHubApiDouble,
  WRITE_TOKEN,
  type GitHubApiDouble
} from '../support/github-double/index.js'
import { pullRequestEvent, pushEvent } from '../support/event-payloads.js'
import { freshRepository, tagDigest } from './support/registry.js'
import { runAction, type ActionRunOptions } from './support/runner.js'
import { testEnv } from './support/test-env.js'
import { commitChange, makeWorkspace, type Workspace } from './support/workspace.js'

let github: GitHubApiDouble

beforeAll(async () => {
  github = await startGitHubApiDouble({
    repositories: [{ owner: 'acme', repo: 'web', pullRequests: [11, 12, 21, 22, 31, 41] }]
  })
})

afterAll(async () => {
  await github.close()
})

afterEach(() => {
  github.assertNoViolations()
})

interface BuildCase {
  readonly workspace: Workspace
  readonly path: string
  readonly inputs?: Record<string, string>
  readonly pullRequest?: { number: number; fork?: boolean }
  readonly token?: string
}

function build(options: BuildCase): ReturnType<typeof runAction> {
  const { registry, username, password } = testEnv()
  const pr = options.pullRequest
  const run: ActionRunOptions = {
    workspace: options.workspace.dir,
    token: options.token ?? WRITE_TOKEN,
    inputs: {
      image: `${registry}/${options.path}`,
      username,
      password,
      'test-command': 'node --test',
      ...options.inputs
    },
    env: { GITHUB_API_URL: github.url, GITHUB_SHA: options.workspace.sha },
    ...(pr === undefined
      ? {
          eventName: 'push',
          event: pushEvent({
            owner: 'acme',
            repo: 'web',
            sha: options.workspace.sha,
            ref: 'refs/heads/main'
          })
        }
      : {
          eventName: 'pull_request',
          event: pullRequestEvent({
            owner: 'acme',
            repo: 'web',
            number: pr.number,
            headSha: options.workspace.sha,
            fork: pr.fork ?? false
          })
        })
  }
  return runAction(run)
}

function commentsOn(number: number): { body: string; id: number }[] {
  return github.comments.filter((comment) => comment.issueNumber === number)
}

function imageLabel(reference: string, label: string): string {
  return execFileSync(
    'docker',
    ['image', 'inspect', '--format', `{{index .Config.Labels "${label}"}}`, reference],
    {
      encoding: 'utf8'
    }
  ).trim()
}

describe('on a pull request with passing tests', () => {
  const path = freshRepository('hello')
  let workspace: Workspace
  let result: Awaited<ReturnType<typeof runAction>>

  beforeAll(async () => {
    workspace = makeWorkspace()
    result = await build({ workspace, path, pullRequest: { number: 11 } })
  })

  it('succeeds and pushes the SHA tag', () => {
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.outputs.tag).toBe(`sha-${workspace.sha.slice(0, 7)}`)
    expect(result.outputs.pushed).toBe('true')
    expect(result.outputs['test-result']).toBe('passed')
  })

  it('outputs the registry’s own digest and the ref', async () => {
    const digest = await tagDigest(path, `sha-${workspace.sha.slice(0, 7)}`)
    expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/)
    expect(result.outputs.digest).toBe(digest)
    expect(result.outputs.ref).toBe(`${testEnv().registry}/${path}@${digest ?? ''}`)
  })

  it('ran the tests inside the very image it pushed, streaming their output', () => {
    const reference = `${testEnv().registry}/${path}:sha-${workspace.sha.slice(0, 7)}`
    const id = execFileSync('docker', ['image', 'inspect', '--format', '{{.Id}}', reference], {
      encoding: 'utf8'
    }).trim()
    expect(result.outputs['image-id']).toBe(id)
    const dockerRun =
      result.main.stdout.split('\n').find((line) => line.includes('docker run')) ?? ''
    expect(dockerRun).toContain('--network none')
    expect(dockerRun).toContain('--memory 4g --pids-limit 4096')
    expect(dockerRun).toContain(`--entrypoint /bin/sh ${id} -c node --test`)
    expect(result.main.stdout).toMatch(/pass [1-9]/)
  })

  it('labels the image with the commit, its time and the source', () => {
    const reference = `${testEnv().registry}/${path}:sha-${workspace.sha.slice(0, 7)}`
    expect(imageLabel(reference, 'org.opencontainers.image.revision')).toBe(workspace.sha)
    expect(imageLabel(reference, 'org.opencontainers.image.source')).toBe(
      'https://github.com/acme/web'
    )
    const committed = execFileSync(
      'git',
      ['-C', workspace.dir, 'show', '-s', '--format=%cI', 'HEAD'],
      { encoding: 'utf8' }
    ).trim()
    expect(imageLabel(reference, 'org.opencontainers.image.created')).toBe(committed)
  })

  it('leaves one comment with the digest and pull command', () => {
    const comments = commentsOn(11)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toContain(`docker pull ${result.outputs.ref ?? 'missing'}`)
    expect(result.outputs['comment-url']).toMatch(
      /^https:\/\/github\.com\/acme\/web\/pull\/11#issuecomment-\d+$/
    )
  })

  it('writes the same facts to the job summary', () => {
    expect(result.summary).toContain(result.outputs.ref ?? 'missing')
    expect(result.summary).toContain('passed')
  })

  it('removes its Docker login in the post step', () => {
    const configDir = result.state.dockerConfig ?? ''
    expect(configDir).toContain(result.runnerTemp)
    expect(result.post?.exitCode).toBe(0)
    expect(existsSync(configDir)).toBe(false)
  })

  it('never prints the registry password or the token', () => {
    const { password } = testEnv()
    const everything = [
      result.main.stdout,
      result.main.stderr,
      result.post?.stdout ?? '',
      result.summary,
      JSON.stringify(result.outputs),
      ...commentsOn(11).map((comment) => comment.body)
    ].join('\n')
    expect(
      everything
        .replaceAll(`::add-mask::${password}`, '')
        .replaceAll(`::add-mask::${WRITE_TOKEN}`, '')
    ).not.toContain(password)
    expect(everything.replaceAll(`::add-mask::${WRITE_TOKEN}`, '')).not.toContain(WRITE_TOKEN)
  })

  describe('a re-run of the same commit', () => {
    let rerun: Awaited<ReturnType<typeof runAction>>
    beforeAll(async () => {
      rerun = await build({ workspace, path, pullRequest: { number: 11 } })
    })

    it('reuses the pushed image without rebuilding', () => {
      expect(rerun.main.exitCode, rerun.main.stdout).toBe(0)
      expect(rerun.outputs.digest).toBe(result.outputs.digest)
      expect(rerun.outputs.pushed).toBe('false')
      expect(rerun.main.stdout).not.toContain('docker build')
      expect(rerun.main.stdout).not.toContain('docker push')
      expect(rerun.main.stdout).not.toContain('docker login')
      expect(rerun.main.stdout).not.toContain('::group::Log in')
    })

    it('updates the one comment instead of adding another', () => {
      const comments = commentsOn(11)
      expect(comments).toHaveLength(1)
      expect(comments[0]?.body).toContain('reused')
    })
  })

  describe('a new push to the pull request', () => {
    it('pushes the new commit and keeps one comment, now naming it', async () => {
      const sha = commitChange(workspace.dir, { 'CHANGELOG.md': 'second\n' })
      const next = await build({
        workspace: { dir: workspace.dir, sha },
        path,
        pullRequest: { number: 11 }
      })
      expect(next.main.exitCode, next.main.stdout).toBe(0)
      expect(next.outputs.tag).toBe(`sha-${sha.slice(0, 7)}`)
      const comments = commentsOn(11)
      expect(comments).toHaveLength(1)
      expect(comments[0]?.body).toContain(sha)
    })
  })
})

describe('when the tests fail', () => {
  const path = freshRepository('failing')
  let result: Awaited<ReturnType<typeof runAction>>
  let workspace: Workspace

  beforeAll(async () => {
    workspace = makeWorkspace({
      'test/zz-broken.test.js':
        "import { test } from 'node:test'\nimport assert from 'node:assert'\ntest('breaks', () => assert.equal(1, 2))\n"
    })
    result = await build({ workspace, path, pullRequest: { number: 12 } })
  })

  it('fails the step with one error and pushes nothing', async () => {
    expect(result.main.exitCode).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(/^::error::the tests failed with exit code 1: nothing was pushed$/)
    ])
    expect(result.outputs['test-result']).toBe('failed')
    expect(result.outputs.pushed).toBe('false')
    expect(await tagDigest(path, `sha-${workspace.sha.slice(0, 7)}`)).toBeUndefined()
  })

  it('says so in the comment, with the test output', () => {
    const [comment] = commentsOn(12)
    expect(comment?.body).toContain('Tests failed: nothing pushed')
    expect(comment?.body).toContain('breaks')
  })
})

describe('if-exists', () => {
  const path = freshRepository('exists')
  let workspace: Workspace
  let first: Awaited<ReturnType<typeof runAction>>

  beforeAll(async () => {
    workspace = makeWorkspace()
    first = await build({ workspace, path })
  })

  it('fail refuses a SHA tag that is already there, before building', async () => {
    const result = await build({ workspace, path, inputs: { 'if-exists': 'fail' } })
    expect(result.main.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(
      /already exists \(sha256:[a-f0-9]{64}\) and if-exists is 'fail'/
    )
    expect(result.main.stdout).not.toContain('docker build')
  })

  it('overwrite rebuilds and replaces it, reporting the registry’s digest', async () => {
    const result = await build({
      workspace,
      path,
      inputs: { 'if-exists': 'overwrite', labels: 'rebuilt=yes' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.main.stdout).toContain('docker build')
    const digest = await tagDigest(path, `sha-${workspace.sha.slice(0, 7)}`)
    expect(result.outputs.digest).toBe(digest)
    expect(digest).not.toBe(first.outputs.digest)
  })
})

describe('tags', () => {
  it('pushes extra tags with the same digest after the tests pass', async () => {
    const path = freshRepository('tagged')
    const { registry } = testEnv()
    const result = await build({
      workspace: makeWorkspace(),
      path,
      inputs: { tags: `latest\n${registry}/${path}:pr-7`, 'sha-format': 'long' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.outputs.tag).toMatch(/^sha-[0-9a-f]{40}$/)
    expect(await tagDigest(path, 'latest')).toBe(result.outputs.digest)
    expect(await tagDigest(path, 'pr-7')).toBe(result.outputs.digest)
    expect(result.outputs.tags?.split('\n')).toEqual([
      `${registry}/${path}:${result.outputs.tag ?? ''}`,
      `${registry}/${path}:latest`,
      `${registry}/${path}:pr-7`
    ])
  })
})

describe('test container', () => {
  it('runs with no network: only loopback exists', async () => {
    const result = await build({
      workspace: makeWorkspace(),
      path: freshRepository('net'),
      inputs: { 'test-command': 'ls /sys/class/net', push: 'false' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.main.stdout).toMatch(/\nlo\n/)
    expect(result.main.stdout).not.toMatch(/\neth0\n/)
    expect(result.outputs.pushed).toBe('false')
  })

  it('runs a JSON array in exec form in an image without a shell', async () => {
    const workspace = makeWorkspace({
      Dockerfile:
        'FROM immutable-image-base/busybox:1 AS tools\nFROM scratch\nCOPY --from=tools /bin/busybox /busybox\n'
    })
    const result = await build({
      workspace,
      path: freshRepository('noshell'),
      inputs: { 'test-command': '["/busybox","echo","exec form works"]' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.main.stdout).toContain('exec form works')
  })

  it('stops tests that outlive test-timeout and pushes nothing', async () => {
    const path = freshRepository('slow')
    const workspace = makeWorkspace()
    const started = Date.now()
    const result = await build({
      workspace,
      path,
      inputs: { 'test-command': 'sleep 60', 'test-timeout': '2' }
    })
    expect(Date.now() - started).toBeLessThan(45_000)
    expect(result.main.exitCode).toBe(1)
    expect(result.errors.at(-1)).toMatch(/the tests timed out after 2 s: nothing was pushed/)
    expect(await tagDigest(path, `sha-${workspace.sha.slice(0, 7)}`)).toBeUndefined()
  })

  it('passes test-env to the container', async () => {
    const result = await build({
      workspace: makeWorkspace(),
      path: freshRepository('env'),
      inputs: {
        'test-command': 'test "$GREETING" = "hello world=1" && echo env-ok',
        'test-env': 'GREETING=hello world=1',
        push: 'false'
      }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.main.stdout).toContain('env-ok')
    const dockerRun =
      result.main.stdout.split('\n').find((line) => line.includes('docker run')) ?? ''
    expect(dockerRun).toContain(' --env GREETING ')
    expect(dockerRun).not.toContain('GREETING=')
  })
})

describe('credentials', () => {
  it('fails with a clear message on a wrong password and never prints it', async () => {
    const wrong = 'not-the-password-9f8e7d'
    const result = await build({
      workspace: makeWorkspace(),
      path: freshRepository('auth'),
      inputs: { password: wrong }
    })
    expect(result.main.exitCode).toBe(1)
    expect(result.errors.at(-1)).toMatch(
      /authentication failed for registry 127\.0\.0\.1:\d+ as 'ci'/
    )
    const printed = (result.main.stdout + result.main.stderr).replaceAll(`::add-mask::${wrong}`, '')
    expect(printed).not.toContain(wrong)
  })

  it('uses the login docker/login-action left in the Docker config when none is given', async () => {
    const { registry, username, password } = testEnv()
    const workspace = makeWorkspace()
    const dockerConfig = mkdtempSync(join(tmpdir(), 'docker-config-'))
    writeFileSync(
      join(dockerConfig, 'config.json'),
      JSON.stringify({
        auths: { [registry]: { auth: Buffer.from(`${username}:${password}`).toString('base64') } }
      })
    )
    const path = freshRepository('configauth')
    const result = await runAction({
      workspace: workspace.dir,
      inputs: { image: `${registry}/${path}`, 'test-command': 'true' },
      env: { DOCKER_CONFIG: dockerConfig, GITHUB_API_URL: github.url, GITHUB_SHA: workspace.sha }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(await tagDigest(path, `sha-${workspace.sha.slice(0, 7)}`)).toBe(result.outputs.digest)
  })
})

describe('comments', () => {
  it('finds its comment beyond the first page of a busy pull request', async () => {
    const path = freshRepository('busy')
    const workspace = makeWorkspace()
    github.seedComments('acme', 'web', 21, 230)
    const first = await build({
      workspace,
      path,
      pullRequest: { number: 21 },
      inputs: { push: 'false' }
    })
    expect(first.main.exitCode, first.main.stdout).toBe(0)
    const listed = github.requests.length
    const again = await build({ workspace, path, pullRequest: { number: 21 } })
    expect(again.main.exitCode, again.main.stdout).toBe(0)
    const ours = commentsOn(21).filter((comment) =>
      comment.body.startsWith('<!-- immutable-image:')
    )
    expect(ours).toHaveLength(1)
    expect(ours[0]?.body).toContain('Tested and pushed')
    const pagesRead = github.requests
      .slice(listed)
      .filter((request) => request.method === 'GET' && request.path.includes('/issues/21/comments'))
    expect(pagesRead).toHaveLength(3)
  })

  it('leaves a comment with its marker planted by someone else alone, and writes its own', async () => {
    const path = freshRepository('planted')
    const marker = `<!-- immutable-image:${testEnv().registry}/${path} -->`
    const [planted] = github.seedComments('acme', 'web', 22, 1, {
      author: 'mallory',
      bodyPrefix: marker
    })
    const result = await build({
      workspace: makeWorkspace(),
      path,
      pullRequest: { number: 22 },
      inputs: { push: 'false' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    const comments = github.comments.filter((comment) => comment.issueNumber === 22)
    expect(comments.map((comment) => comment.user.login)).toEqual([
      'mallory',
      'github-actions[bot]'
    ])
    expect(comments[0]).toMatchObject({ id: planted?.id, body: `${marker} 1` })
    expect(comments[1]?.body.startsWith(`${marker}\n`)).toBe(true)
  })

  it('turns a fork’s read-only token refusal into a warning', async () => {
    const result = await build({
      workspace: makeWorkspace(),
      path: freshRepository('fork'),
      pullRequest: { number: 31, fork: true },
      token: READ_TOKEN,
      inputs: { push: 'false' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.main.stdout).toMatch(
      /::warning::Could not comment on pull request #31: the token of a pull request from a fork is read-only/
    )
    expect(commentsOn(31)).toHaveLength(0)
  })

  it('makes no comment request outside pull requests', async () => {
    const before = github.requests.length
    const result = await build({
      workspace: makeWorkspace(),
      path: freshRepository('push'),
      inputs: { push: 'false' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(github.requests.length).toBe(before)
  })
})

describe('what the tag names', () => {
  it('says so in the log and the comment when the checkout is not the pull request head', async () => {
    const workspace = makeWorkspace()
    const head = 'f'.repeat(40)
    const result = await runAction({
      workspace: workspace.dir,
      token: WRITE_TOKEN,
      eventName: 'pull_request',
      event: pullRequestEvent({ owner: 'acme', repo: 'web', number: 41, headSha: head }),
      inputs: {
        image: `${testEnv().registry}/${freshRepository('merge')}`,
        push: 'false',
        'test-command': 'true'
      },
      env: { GITHUB_API_URL: github.url, GITHUB_SHA: workspace.sha }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.outputs.tag).toBe(`sha-${workspace.sha.slice(0, 7)}`)
    const warning = `Built commit ${workspace.sha.slice(0, 7)} is not the pull request head fffffff`
    expect(result.main.stdout).toContain(`::warning::${warning}`)
    expect(commentsOn(41)[0]?.body).toContain(warning)
  })

  it('says so when the tree has uncommitted changes', async () => {
    const workspace = makeWorkspace()
    writeFileSync(join(workspace.dir, 'greeting.js'), '// edited after the commit\n', { flag: 'a' })
    const result = await build({
      workspace,
      path: freshRepository('dirty'),
      inputs: { push: 'false' }
    })
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.main.stdout).toContain(
      `::warning::The checkout has uncommitted changes: the image holds more than commit ${workspace.sha.slice(0, 7)}.`
    )
  })
})

describe('bad input', () => {
  it.each([
    [{ image: 'ghcr.io/Acme/Web' }, "Input 'image'"],
    [{ 'build-args': 'NOT A LINE' }, "Input 'build-args'"],
    [{ 'test-timeout': 'soon' }, "Input 'test-timeout'"],
    [{ file: 'missing.Dockerfile' }, "Input 'file'"]
  ])(
    '%j fails fast with one line naming the input, before any docker command',
    async (inputs, name) => {
      const result = await build({
        workspace: makeWorkspace(),
        path: freshRepository('bad'),
        inputs
      })
      expect(result.main.exitCode).toBe(1)
      expect(result.errors).toHaveLength(1)
      expect(result.errors[0]).toContain(`::error::${name}`)
      expect(result.main.stdout).not.toContain('[command]')
      expect(result.main.stdout + result.main.stderr).not.toMatch(/\n\s+at /)
    }
  )
})
