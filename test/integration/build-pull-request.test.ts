// The build action's story on a pull request: build, test inside, push, comment; re-run; new push; failing tests.
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { describe, expect } from 'vitest'
import {
  type ActionRun,
  buildCommands,
  commitChange,
  freshRepository,
  it,
  makeWorkspace,
  tagDigest,
  type Workspace,
  WRITE_TOKEN
} from '../harness/index.js'

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
  let result: ActionRun

  it.beforeAll(async ({ build }) => {
    workspace = makeWorkspace()
    result = await build({ workspace, repository: path, pullRequest: { number: 11 } })
  })

  it('succeeds and pushes the SHA tag', () => {
    expect(result.main.exitCode, result.main.stdout).toBe(0)
    expect(result.outputs.tag).toBe(`sha-${workspace.sha.slice(0, 7)}`)
    expect(result.outputs.pushed).toBe('true')
    expect(result.outputs['test-result']).toBe('passed')
  })

  it('builds with buildx, as GitHub-hosted runners do', () => {
    expect(result.main.stdout).toMatch(/\[command\]\S*docker-buildx build --load /)
  })

  it('outputs the registry’s own digest and the ref', async ({ env }) => {
    const digest = await tagDigest(path, `sha-${workspace.sha.slice(0, 7)}`)
    expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/)
    expect(result.outputs.digest).toBe(digest)
    expect(result.outputs.ref).toBe(`${env.registry}/${path}@${digest ?? ''}`)
  })

  it('ran the tests inside the very image it pushed, streaming their output', ({ env }) => {
    const reference = `${env.registry}/${path}:sha-${workspace.sha.slice(0, 7)}`
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

  it('labels the image with the commit, its time and the source', ({ env }) => {
    const reference = `${env.registry}/${path}:sha-${workspace.sha.slice(0, 7)}`
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

  it('leaves one comment with the digest and pull command', ({ github }) => {
    const comments = github.commentsOn(11)
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

  it('removes its Docker login before the main step ends, so the post step is skipped', () => {
    const logins = readdirSync(result.runnerTemp).filter((name) =>
      name.startsWith('immutable-image-docker-')
    )
    expect(logins).toEqual([])
    expect(result.state.dockerConfig).toBe('')
    expect(result.postSkipped).toBe(true)
  })

  it('never prints the registry password or the token', ({ env, github }) => {
    const { password } = env
    const everything = [
      result.main.stdout,
      result.main.stderr,
      result.post?.stdout ?? '',
      result.summary,
      JSON.stringify(result.outputs),
      ...github.commentsOn(11).map((comment) => comment.body)
    ].join('\n')
    expect(
      everything
        .replaceAll(`::add-mask::${password}`, '')
        .replaceAll(`::add-mask::${WRITE_TOKEN}`, '')
    ).not.toContain(password)
    expect(everything.replaceAll(`::add-mask::${WRITE_TOKEN}`, '')).not.toContain(WRITE_TOKEN)
  })

  describe('a re-run of the same commit', () => {
    let rerun: ActionRun
    it.beforeAll(async ({ build }) => {
      rerun = await build({ workspace, repository: path, pullRequest: { number: 11 } })
    })

    it('reuses the pushed image without rebuilding', () => {
      expect(rerun.main.exitCode, rerun.main.stdout).toBe(0)
      expect(rerun.outputs.digest).toBe(result.outputs.digest)
      expect(rerun.outputs.pushed).toBe('false')
      expect(buildCommands(rerun.main.stdout)).toEqual([])
      expect(rerun.main.stdout).not.toContain('docker push')
      expect(rerun.main.stdout).not.toContain('docker login')
      expect(rerun.main.stdout).not.toContain('::group::Log in')
    })

    it('updates the one comment instead of adding another', ({ github }) => {
      const comments = github.commentsOn(11)
      expect(comments).toHaveLength(1)
      expect(comments[0]?.body).toContain('reused')
    })
  })

  describe('a new push to the pull request', () => {
    it('pushes the new commit and keeps one comment, now naming it', async ({ build, github }) => {
      const sha = commitChange(workspace.dir, { 'CHANGELOG.md': 'second\n' })
      const next = await build({
        workspace: { dir: workspace.dir, sha },
        repository: path,
        pullRequest: { number: 11 }
      })
      expect(next.main.exitCode, next.main.stdout).toBe(0)
      expect(next.outputs.tag).toBe(`sha-${sha.slice(0, 7)}`)
      const comments = github.commentsOn(11)
      expect(comments).toHaveLength(1)
      expect(comments[0]?.body).toContain(sha)
    })
  })
})

describe('when the tests fail', () => {
  const path = freshRepository('failing')
  let result: ActionRun
  let workspace: Workspace

  it.beforeAll(async ({ build }) => {
    workspace = makeWorkspace({
      'test/zz-broken.test.js':
        "import { test } from 'node:test'\nimport assert from 'node:assert'\ntest('breaks', () => assert.equal(1, 2))\n"
    })
    result = await build({ workspace, repository: path, pullRequest: { number: 12 } })
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

  it('gives the untested image no local name: a later step cannot take it for a tested one', ({
    env
  }) => {
    const names = execFileSync(
      'docker',
      ['image', 'ls', '--format', '{{.Tag}}', `${env.registry}/${path}`],
      { encoding: 'utf8' }
    )
    expect(names.trim()).toBe('')
  })

  it('says so in the comment, with the test output', ({ github }) => {
    const [comment] = github.commentsOn(12)
    expect(comment?.body).toContain('Tests failed: nothing pushed')
    expect(comment?.body).toContain('breaks')
  })
})
