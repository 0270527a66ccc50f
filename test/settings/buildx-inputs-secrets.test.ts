// secrets and secret-envs: read as build-push-action reads them, masked, refused without the value.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildxInputs } from '../../src/settings/buildx-inputs.js'
import { parseCsvList } from '../../src/settings/input-list.js'
import { NO_BUILDX_INPUTS } from '../harness/fakes/pipeline-inputs.js'
import { inputs, masking, RUN_ENV } from './buildx-inputs-fixture.js'

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

describe('buildxInputs, secrets', () => {
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
})
