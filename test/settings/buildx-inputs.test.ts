import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  buildxInputs,
  buildxOnlyInputs,
  requireBuilderFor
} from '../../src/settings/buildx-inputs.js'
import { parseCsvList } from '../../src/settings/input-list.js'
import { NO_BUILDX_INPUTS } from '../harness/fakes/pipeline-inputs.js'
import { captureStdout } from '../harness/fakes/stdout.js'

/** The values the step asked the runner to mask, as ::add-mask:: lines carry them. */
function masking(): () => string[] {
  const written = captureStdout()
  return () =>
    [...written().matchAll(/^::add-mask::(.*)$/gm)].map(([, value]) =>
      (value ?? '').replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%')
    )
}

function inputs(values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values))
    vi.stubEnv(`INPUT_${name.toUpperCase()}`, value)
}

const RUN_ENV = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/web',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '2'
}
const BUILDER_ID = 'builder-id=https://github.com/acme/web/actions/runs/42/attempts/2'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe('parseCsvList, as build-push-action reads list inputs', () => {
  it.each([
    ['one a line', 'a\nb\n', {}, ['a', 'b']],
    ['comma-separated', 'a,b\nc', {}, ['a', 'b', 'c']],
    ['blank lines and items dropped', 'a,,\n\n  \nb', {}, ['a', 'b']],
    [
      'commas kept with ignoreComma',
      'type=registry,ref=r/c\nr/d',
      { ignoreComma: true },
      ['type=registry,ref=r/c', 'r/d']
    ],
    [
      'a quoted item spanning lines',
      '"k=line1\nline2"\nj=v',
      { ignoreComma: true },
      ['k=line1\nline2', 'j=v']
    ],
    ['"" inside quotes is a quote', '"k=say ""hi"""', { ignoreComma: true }, ['k=say "hi"']],
    ['a stray quote inside an item kept', 'k=a"b', { ignoreComma: true }, ['k=a"b']],
    [
      'whitespace kept when asked',
      ' k= v ',
      { ignoreComma: true, keepWhitespace: true },
      [' k= v ']
    ],
    ['nothing', '', {}, []]
  ])('%s', (_, raw, options, expected) => {
    expect(parseCsvList(raw, options)).toEqual(expected)
  })
})

describe('buildxInputs', () => {
  it('gives nothing when no input is set', () => {
    expect(buildxInputs(RUN_ENV)).toEqual(NO_BUILDX_INPUTS)
  })

  it('reads secrets as id=value, the value kept whole with = and line breaks', () => {
    inputs({ secrets: 'npm=abc=def\n"multi=line one\nline two"\nGIT_AUTH_TOKEN.github.com=t0k' })
    expect(buildxInputs(RUN_ENV).secrets).toEqual([
      { id: 'npm', value: 'abc=def' },
      { id: 'multi', value: 'line one\nline two' },
      { id: 'GIT_AUTH_TOKEN.github.com', value: 't0k' }
    ])
  })

  it('masks every secret value, and each line of a multi-line one', () => {
    const masked = masking()
    inputs({ secrets: 'a=first\n"b=line one\nline two"' })
    buildxInputs(RUN_ENV)
    expect(masked()).toEqual(['first', 'first', 'line one\nline two', 'line one', 'line two'])
  })

  it('masks the value of each secret-envs variable and names the variable, not the value', () => {
    const masked = masking()
    inputs({ 'secret-envs': 'npm=NPM_TOKEN, other=UNSET_VAR' })
    expect(buildxInputs({ ...RUN_ENV, NPM_TOKEN: 'npm-s3cret' }).secretEnvs).toEqual([
      { id: 'npm', envName: 'NPM_TOKEN' },
      { id: 'other', envName: 'UNSET_VAR' }
    ])
    expect(masked()).toEqual(['npm-s3cret', 'npm-s3cret'])
  })

  it.each([
    ['secrets', 'no-value-here', "Input 'secrets': item 1 is not id=value (it has no value)"],
    ['secrets', 'a=1\nempty=', "Input 'secrets': item 2 is not id=value (it has no value)"],
    ['secrets', 'bad id=v4lue', "Input 'secrets': item 1: 'bad id' is not a secret id"],
    ['secrets', 'x=1\nx=2', "Input 'secrets': the secret id 'x' is given more than once"],
    [
      'secret-envs',
      'x=1bad',
      "Input 'secret-envs': item 1: 'x=1bad' is not id=ENV_NAME, e.g. npm_token=NPM_TOKEN"
    ],
    [
      'secret-envs',
      'x=A=B',
      "Input 'secret-envs': item 1: 'x=A=B' is not id=ENV_NAME, e.g. npm_token=NPM_TOKEN"
    ]
  ])('refuses %s %j in one line that never quotes a value', (name, value, message) => {
    inputs({ [name]: value })
    expect(() => buildxInputs(RUN_ENV)).toThrow(message)
    expect(message).not.toContain('v4lue')
  })

  it('refuses a secret-envs id that secrets already gives', () => {
    inputs({ secrets: 'npm=v', 'secret-envs': 'npm=NPM_TOKEN' })
    expect(() => buildxInputs(RUN_ENV)).toThrow(
      "Input 'secret-envs': the secret id 'npm' is given more than once"
    )
  })

  it('reads cache-from and cache-to as buildx items, one a line, commas kept', () => {
    inputs({
      'cache-from': 'type=registry,ref=r.io/app:cache\nr.io/app:other\ntype=gha,scope=web',
      'cache-to': 'type=registry,ref=r.io/app:cache,mode=max'
    })
    expect(buildxInputs(RUN_ENV)).toMatchObject({
      cacheFrom: ['type=registry,ref=r.io/app:cache', 'r.io/app:other', 'type=gha,scope=web'],
      cacheTo: ['type=registry,ref=r.io/app:cache,mode=max']
    })
  })

  it('masks the runner cache token when a cache is type=gha', () => {
    const masked = masking()
    inputs({ 'cache-to': 'type=gha,mode=max' })
    buildxInputs({ ...RUN_ENV, ACTIONS_RUNTIME_TOKEN: 'runtime-t0ken' })
    expect(masked()).toEqual(['runtime-t0ken'])
  })

  it('does not touch the runner cache token without a type=gha cache', () => {
    const masked = masking()
    inputs({ 'cache-to': 'type=inline' })
    buildxInputs({ ...RUN_ENV, ACTIONS_RUNTIME_TOKEN: 'runtime-t0ken' })
    expect(masked()).toEqual([])
  })

  it.each([
    [
      'cache-to',
      'type=floppy',
      "Input 'cache-to': 'floppy' is not a cache type: expected one of registry, local, inline, gha, s3, azblob"
    ],
    [
      'cache-from',
      'ref=r.io/app:cache',
      "Input 'cache-from': 'ref=r.io/app:cache' names no type= (e.g. type=registry,ref=…)"
    ],
    [
      'cache-from',
      'type=registry,oops',
      "Input 'cache-from': 'type=registry,oops': 'oops' is not key=value"
    ],
    [
      'cache-to',
      'type=gha,token=s3cr3t',
      "Input 'cache-to': the token attribute would put a credential on docker's command line"
    ],
    [
      'cache-from',
      'type=s3,secret_access_key=s3cr3t',
      "Input 'cache-from': the secret_access_key attribute would put a credential"
    ]
  ])('refuses %s %j', (name, value, message) => {
    inputs({ [name]: value })
    expect(() => buildxInputs(RUN_ENV)).toThrow(message)
    try {
      buildxInputs(RUN_ENV)
    } catch (error) {
      expect(String(error)).not.toContain('s3cr3t')
    }
  })

  it.each([
    ['true', BUILDER_ID],
    ['false', 'disabled=true'],
    ['mode=max', `mode=max,${BUILDER_ID}`],
    ['mode=min,builder-id=https://ci.example/1', 'mode=min,builder-id=https://ci.example/1'],
    ['true,mode=max', `disabled=false,mode=max,${BUILDER_ID}`]
  ])('reads provenance %j as build-push-action does: %s', (value, attributes) => {
    inputs({ provenance: value })
    expect(buildxInputs(RUN_ENV).provenance).toBe(attributes)
  })

  it.each([
    ['true', 'disabled=false'],
    ['false', 'disabled=true'],
    ['generator=docker/buildkit-syft-scanner', 'generator=docker/buildkit-syft-scanner']
  ])('reads sbom %j as %s', (value, attributes) => {
    inputs({ sbom: value })
    expect(buildxInputs(RUN_ENV).sbom).toBe(attributes)
  })

  it.each([
    [
      'provenance',
      'yes',
      "Input 'provenance': 'yes' is not true, false or an attribute key=value (e.g. mode=max)"
    ],
    [
      'sbom',
      'type=provenance',
      "Input 'sbom': 'type=provenance' is not true, false or an attribute key=value (e.g. mode=max)"
    ]
  ])('refuses %s %j', (name, value, message) => {
    inputs({ [name]: value })
    expect(() => buildxInputs(RUN_ENV)).toThrow(message)
  })

  it('reads the pass-through flags', () => {
    inputs({
      pull: 'true',
      'no-cache': 'true',
      'build-contexts': 'base=docker-image://alpine:3\nassets=./assets',
      ssh: 'default,deploy=/run/key',
      'shm-size': '2G',
      ulimit: 'nofile=1024:2048\nnproc=512',
      'add-hosts': 'registry.local:10.0.0.5,db=10.0.0.6'
    })
    expect(buildxInputs(RUN_ENV)).toMatchObject({
      pull: true,
      noCache: true,
      buildContexts: ['base=docker-image://alpine:3', 'assets=./assets'],
      ssh: ['default', 'deploy=/run/key'],
      shmSize: '2g',
      ulimits: ['nofile=1024:2048', 'nproc=512'],
      addHosts: ['registry.local:10.0.0.5', 'db=10.0.0.6']
    })
  })

  it.each([
    ['pull', 'maybe', "Input 'pull': expected true or false, got 'maybe'"],
    ['no-cache', '1', "Input 'no-cache': expected true or false, got '1'"],
    ['build-contexts', 'no-source', "Input 'build-contexts': 'no-source' is not name=source"],
    ['ssh', 'id=', "Input 'ssh': 'id=' is not default or id=socket-or-key-path"],
    ['shm-size', 'lots', "Input 'shm-size': 'lots' is not a size like 64m or 2g"],
    ['ulimit', 'nofile', "Input 'ulimit': 'nofile' is not name=soft[:hard], e.g. nofile=1024:1024"],
    [
      'add-hosts',
      'justahost',
      "Input 'add-hosts': 'justahost' is not host:ip, e.g. registry.local:10.0.0.5"
    ]
  ])('refuses %s %j', (name, value, message) => {
    inputs({ [name]: value })
    expect(() => buildxInputs(RUN_ENV)).toThrow(message)
  })
})

describe('the classic builder', () => {
  it.each([
    [{ secrets: [{ id: 'a', value: 'b' }] }, 'secrets'],
    [{ secretEnvs: [{ id: 'a', envName: 'B' }] }, 'secret-envs'],
    [{ cacheFrom: ['r/c'] }, 'cache-from'],
    [{ cacheTo: ['type=inline'] }, 'cache-to'],
    [{ buildContexts: ['a=./a'] }, 'build-contexts'],
    [{ ssh: ['default'] }, 'ssh'],
    [{ provenance: 'mode=max' }, 'provenance'],
    [{ sbom: 'disabled=false' }, 'sbom'],
    [{ platforms: [{ os: 'linux', architecture: 'arm64' }] }, 'platforms']
  ])('cannot honour %j: the error names %s and says buildx is needed', (given, name) => {
    const settings = { ...NO_BUILDX_INPUTS, ...given }
    expect(buildxOnlyInputs(settings)).toEqual([name])
    expect(() => {
      requireBuilderFor(settings, false)
    }).toThrow(
      new RegExp(
        `^Input '${name}': needs docker buildx \\(BuildKit\\), and this runner has only the classic builder`
      )
    )
    expect(() => {
      requireBuilderFor(settings, true)
    }).not.toThrow()
  })

  it('honours the flags docker build has, and provenance or sbom turned off', () => {
    const settings = {
      ...NO_BUILDX_INPUTS,
      pull: true,
      noCache: true,
      shmSize: '1g',
      ulimits: ['nofile=1:1'],
      addHosts: ['a:1.2.3.4'],
      provenance: 'disabled=true',
      sbom: 'disabled=true'
    }
    expect(buildxOnlyInputs(settings)).toEqual([])
    expect(() => {
      requireBuilderFor(settings, false)
    }).not.toThrow()
  })
})
