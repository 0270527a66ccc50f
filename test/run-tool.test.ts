import { describe, expect, it } from 'vitest'
import { runTool } from '../src/run-tool.js'

async function run(args: string[], input?: string) {
  const out: string[] = []
  const err: string[] = []
  const exitCode = await runTool('/bin/sh', args, {
    ...(input === undefined ? {} : { input: Buffer.from(input) }),
    onStdout: (chunk) => out.push(chunk.toString()),
    onStderr: (chunk) => err.push(chunk.toString())
  })
  return { exitCode, stdout: out.join(''), stderr: err.join('') }
}

describe('runTool', () => {
  it('gives the exit code and both streams, the arguments passed as they are', async () => {
    expect(await run(['-c', 'echo "$1"; echo oops >&2; exit 3', 'sh', 'a b; $(no)'])).toEqual({
      exitCode: 3,
      stdout: 'a b; $(no)\n',
      stderr: 'oops\n'
    })
  })

  it('feeds the input on stdin and closes it; without input stdin is empty', async () => {
    expect((await run(['-c', 'cat'], 'secret-on-stdin')).stdout).toBe('secret-on-stdin')
    expect((await run(['-c', 'cat; echo done'])).stdout).toBe('done\n')
  })

  it('counts a signal as 128 + its number', async () => {
    expect((await run(['-c', 'kill -TERM $$'])).exitCode).toBe(143)
  })

  it('rejects when the program cannot start', async () => {
    await expect(runTool('/nonexistent/tool', [])).rejects.toThrow(/ENOENT/)
  })
})
