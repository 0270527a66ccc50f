import { describe, expect, it } from 'vitest'
import {
  describeStage,
  findStage,
  parseDockerfileStages
} from '../../src/pipeline/dockerfile-stages.js'

function names(text: string): (string | undefined)[] {
  return parseDockerfileStages(text).map((stage) => stage.name)
}

describe('parseDockerfileStages', () => {
  it.each<[string, string, (string | undefined)[]]>([
    ['one unnamed stage', 'FROM node:24\nCMD ["node"]\n', [undefined]],
    [
      'named stages in order',
      'FROM node:24 AS deps\nFROM deps AS prod\nFROM prod AS test\n',
      ['deps', 'prod', 'test']
    ],
    ['lower-case keywords', 'from node:24 as prod\nfrom prod As test\n', ['prod', 'test']],
    [
      'a --platform flag before the image',
      'FROM --platform=$BUILDPLATFORM node:24 AS build\nFROM build\n',
      ['build', undefined]
    ],
    [
      'comments, even ones that look like FROM',
      '# FROM evil AS nope\nFROM node:24 AS prod\n  # FROM x AS y\n',
      ['prod']
    ],
    [
      'a FROM continued over lines',
      'FROM \\\n  --platform=linux/amd64 \\\n  node:24 \\\n  AS prod\n',
      ['prod']
    ],
    [
      'comments and blank lines inside a continuation',
      'FROM node:24 \\\n# the name:\n\n  AS prod\n',
      ['prod']
    ],
    [
      'FROM words inside a continued RUN',
      'FROM node:24 AS prod\nRUN echo \\\n  FROM x AS y\n',
      ['prod']
    ],
    [
      'the escape directive',
      '# escape=`\nFROM node:24 `\n  AS prod\nRUN dir c:\\\nFROM prod AS test\n',
      ['prod', 'test']
    ],
    [
      'heredocs that hold FROM lines',
      'FROM node:24 AS prod\nRUN <<EOF\nFROM x AS y\nEOF\nCOPY <<-"END" /Dockerfile\n\tFROM z AS w\n\tEND\nFROM prod AS test\n',
      ['prod', 'test']
    ],
    [
      'Windows line ends and a byte-order mark',
      '\uFEFFFROM node:24 AS prod\r\nFROM prod AS test\r\n',
      ['prod', 'test']
    ],
    ['a trailing continuation at the end of the file', 'FROM node:24 AS prod \\', ['prod']],
    ['no stages at all', '# empty\n', []]
  ])('reads %s', (_, text, expected) => {
    expect(names(text)).toEqual(expected)
  })

  it('records the base and the line of each FROM', () => {
    expect(parseDockerfileStages('# c\nFROM node:24 AS prod\n\nFROM prod AS test\n')).toEqual([
      { name: 'prod', base: 'node:24', line: 2 },
      { name: 'test', base: 'prod', line: 4 }
    ])
  })
})

describe('findStage', () => {
  const stages = parseDockerfileStages('FROM node:24 AS Prod\nFROM prod\n')

  it('finds a stage whatever the case, as BuildKit does', () => {
    expect(findStage(stages, 'PROD')?.line).toBe(1)
  })

  it('finds nothing for an unknown name', () => {
    expect(findStage(stages, 'test')).toBeUndefined()
  })

  it('describes an unnamed stage by its position and line', () => {
    const [, unnamed] = stages
    if (unnamed === undefined) throw new Error('the Dockerfile has two stages')
    expect(describeStage(stages, unnamed)).toBe('unnamed stage 2 (line 2)')
  })
})
