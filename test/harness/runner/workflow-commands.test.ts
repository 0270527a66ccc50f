import { describe, expect, it } from 'vitest'
import { lineFeed, readWorkflowCommands, WorkflowCommandReader } from './workflow-commands.js'

describe('the runner emulation reads workflow commands as actions/runner does', () => {
  it.each([
    ['at the start of a line', '::set-output name=digest::sha256:a', 'sha256:a'],
    ['after leading whitespace', ' \t::set-output name=digest::sha256:b', 'sha256:b'],
    ['in any case', '::SET-OUTPUT NAME=digest::sha256:c', 'sha256:c'],
    ['with escaped data', '::set-output name=digest::a%0Ab%25', 'a\nb%'],
    ['in the legacy form, anywhere in a line', 'log: ##[set-output name=digest;]x%5D', 'x]']
  ])('executes a command %s', (_, line, value) => {
    expect(readWorkflowCommands(line).outputs).toEqual({ digest: value })
  })

  it.each([
    ['text before ::', 'log ::set-output name=digest::x'],
    ['an unregistered command', '::set-outputs name=digest::x'],
    ['no second ::', '::set-output name=digest'],
    ['a property without a value', '::set-output name=::x']
  ])('executes nothing for %s', (_, line) => {
    expect(readWorkflowCommands(line).outputs).toEqual({})
  })

  it('collects state, masks, errors and warnings', () => {
    const commands = readWorkflowCommands(
      [
        '::save-state name=dockerConfig::/tmp/x',
        '::add-mask::s3cret',
        '::add-mask::  ',
        '::error file=a.ts,line=1::broken',
        '::warning::careful'
      ].join('\n')
    )
    expect(commands.state).toEqual({ dockerConfig: '/tmp/x' })
    expect(commands.masks).toEqual(['s3cret'])
    expect(commands.errors).toEqual(['::error::broken'])
    expect(commands.warnings).toEqual(['::warning::careful'])
  })

  it('refuses set-env and add-path, which github.com disables', () => {
    expect(readWorkflowCommands('::set-env name=A::b\n::add-path::/x').refused).toHaveLength(2)
  })

  it('ignores every command between stop-commands and its token, the token in any case', () => {
    const commands = readWorkflowCommands(
      [
        '::stop-commands::abc123',
        '::set-output name=a::1',
        '::stop-commands::other',
        '::other::',
        '::set-output name=b::2',
        '::ABC123::',
        '::set-output name=c::3'
      ].join('\n')
    )
    expect(commands.outputs).toEqual({ c: '3' })
  })

  it('resumes on the legacy ##[token] too', () => {
    expect(
      readWorkflowCommands('::stop-commands::abc123\nx ##[abc123]\n::set-output name=c::3').outputs
    ).toEqual({ c: '3' })
  })

  it('stays stopped when the token is not at the start of a line', () => {
    expect(
      readWorkflowCommands('::stop-commands::abc123\npartial::abc123::\n::set-output name=c::3')
        .outputs
    ).toEqual({})
  })

  it('refuses a stop token that names a command', () => {
    const commands = readWorkflowCommands('::stop-commands::error\n::set-output name=c::3')
    expect(commands.refused).toEqual(['::stop-commands::error'])
    expect(commands.outputs).toEqual({ c: '3' })
  })

  it('splits lines at a lone carriage return, as StreamReader.ReadLine does', () => {
    expect(readWorkflowCommands('progress\r::set-output name=c::3').outputs).toEqual({ c: '3' })
  })

  it('keeps the stopped state from one step to the next', () => {
    const reader = new WorkflowCommandReader()
    reader.readText('::stop-commands::abc123')
    reader.nextStep()
    reader.readText('::save-state name=a::1')
    expect(reader.commands.state).toEqual({})
  })

  it('reads a stream cut into chunks anywhere, a CRLF split included', () => {
    const reader = new WorkflowCommandReader()
    const feed = lineFeed(reader)
    for (const chunk of ['::set-out', 'put name=a::1\r', '\n::set-output name=b::', '2']) {
      feed.push(chunk)
    }
    feed.end()
    expect(reader.commands.outputs).toEqual({ a: '1', b: '2' })
  })
})
