// BuildKit secrets: they reach RUN --mount=type=secret and nothing else, neither the image nor any log.
import { createHash } from 'node:crypto'
import { describe, expect } from 'vitest'
import {
  dockerConfigWithoutBuildx,
  freshRepository,
  it,
  makeWorkspace,
  storedObjects,
  tagDigest,
  type ActionRun,
  type GitHubApiDouble
} from '../harness/index.js'

const WITH_EQUALS = 'npm-s3cret=with=equals-4c1d'
const MULTI_LINE = ['line-one-8e2f', 'line-two-8e2f']
const FROM_ENV = 'env-s3cret-77aa'
const EVERY_SECRET = [WITH_EQUALS, MULTI_LINE.join('\n'), ...MULTI_LINE, FROM_ENV]

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

// Each secret's hash lands in the image, so the test command proves the RUN step read the value.
const DOCKERFILE = [
  'FROM immutable-image-base/busybox:1 AS app',
  'RUN --mount=type=secret,id=npm --mount=type=secret,id=cert --mount=type=secret,id=gh \\',
  '    for id in npm cert gh; do sha256sum /run/secrets/$id | cut -d" " -f1 > /$id.sha256; done',
  'FROM app AS test',
  'RUN --mount=type=secret,id=npm test -s /run/secrets/npm',
  ''
].join('\n')

const TEST_COMMAND = [
  `test "$(cat /npm.sha256)" = ${sha256(WITH_EQUALS)}`,
  `test "$(cat /cert.sha256)" = ${sha256(MULTI_LINE.join('\n'))}`,
  `test "$(cat /gh.sha256)" = ${sha256(FROM_ENV)}`
].join(' && ')

const SECRETS_INPUT = `npm=${WITH_EQUALS}\n"cert=${MULTI_LINE.join('\n')}"`

function everythingWritten(run: ActionRun, github: GitHubApiDouble): string {
  const written = [
    run.main.stdout,
    run.main.stderr,
    run.post?.stdout ?? '',
    run.post?.stderr ?? '',
    run.summary,
    JSON.stringify(run.outputs),
    ...github.requests.map((request) => JSON.stringify(request.body))
  ].join('\n')
  return written.replace(/^::add-mask::.*$/gm, '')
}

describe('secrets and secret-envs', () => {
  let run: ActionRun
  let path: string

  it.beforeAll(async ({ build }) => {
    path = freshRepository('build-secrets')
    run = await build({
      workspace: makeWorkspace({ Dockerfile: DOCKERFILE }),
      repository: path,
      pullRequest: { number: 13 },
      env: { GH_TOKEN_FOR_BUILD: FROM_ENV },
      inputs: {
        network: 'host',
        target: 'app',
        'test-target': 'test',
        secrets: SECRETS_INPUT,
        'secret-envs': 'gh=GH_TOKEN_FOR_BUILD',
        'test-command': TEST_COMMAND
      }
    })
  })

  it('reach RUN --mount=type=secret in the shipped and the test stage, whose tests pass', () => {
    expect(run.main.exitCode, run.main.stdout).toBe(0)
    expect(run.outputs.pushed).toBe('true')
    expect(run.outputs['test-result']).toBe('passed')
  })

  it('are masked, each line of a multi-line value too', () => {
    const masks = [...run.main.stdout.matchAll(/^::add-mask::(.*)$/gm)].map(([, value]) => value)
    for (const secret of [WITH_EQUALS, ...MULTI_LINE, FROM_ENV]) expect(masks).toContain(secret)
  })

  it('appear in no log, output, summary, comment or docker argument', ({ github }) => {
    const written = everythingWritten(run, github)
    const commands = run.main.stdout.split('\n').filter((line) => line.startsWith('[command]'))
    expect(commands.some((line) => line.includes('--secret id=npm,env='))).toBe(true)
    for (const secret of EVERY_SECRET) {
      expect(written).not.toContain(secret)
      expect(commands.join('\n')).not.toContain(secret)
    }
  })

  it('are in no blob of the pushed image: manifests, config, history, layers, attestations', async () => {
    const digest = await tagDigest(path, run.outputs.tag ?? '')
    expect(digest).toBe(run.outputs.digest)
    const objects = await storedObjects(path, digest ?? '')
    // The search sees inside the layers: the hash the RUN step wrote is there.
    expect(objects.map((object) => object.content.toString('latin1')).join('')).toContain(
      sha256(WITH_EQUALS)
    )
    for (const object of objects) {
      const content = object.content.toString('latin1')
      for (const secret of EVERY_SECRET) expect(content, object.digest).not.toContain(secret)
    }
  })
})

describe('on the classic builder', () => {
  it('secrets fail before anything is built or pushed, naming the input and buildx', async ({
    build
  }) => {
    const workspace = makeWorkspace({ Dockerfile: DOCKERFILE })
    const path = freshRepository('classic-secrets')
    const result = await build({
      workspace,
      repository: path,
      env: { DOCKER_CONFIG: dockerConfigWithoutBuildx() },
      inputs: { network: 'host', secrets: `npm=${WITH_EQUALS}` }
    })
    expect(result.main.exitCode).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(
        /^::error::Input 'secrets': needs docker buildx \(BuildKit\), and this runner has only the classic builder/
      )
    ])
    expect(result.main.stdout).not.toMatch(/\[command\]\S*docker (build|login|push)/)
    expect(await tagDigest(path, `sha-${workspace.sha.slice(0, 7)}`)).toBeUndefined()
  })
})
