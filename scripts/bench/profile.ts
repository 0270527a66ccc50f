// Where a bundle's cold start goes, from a V8 CPU profile of one start (node --cpu-prof): Node's own
// work, the built-in modules the bundle requires, compiling it, and running its code.
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { testEnv } from '../../test/harness/test-env.js'

export const PROFILE_PARTS = ['Node', 'built-in modules', 'compiling', 'bundle code', 'GC'] as const

export type ProfilePart = (typeof PROFILE_PARTS)[number]

/** Milliseconds of a profile by part; `total` is the profile's length. */
export type StartProfile = Record<ProfilePart, number> & { readonly total: number }

interface ProfileNode {
  readonly id: number
  readonly callFrame: { readonly functionName: string; readonly url: string }
  readonly children?: readonly number[]
}

/** What `node --cpu-prof` writes. */
export interface CpuProfile {
  readonly nodes: readonly ProfileNode[]
  readonly startTime: number
  readonly endTime: number
  readonly samples: readonly number[]
  readonly timeDeltas: readonly number[]
}

/** Each sample goes to the part its stack shows, the innermost frame first. */
export function profileParts(profile: CpuProfile, bundleDir: string): StartProfile {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const parents = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node.id)
  const stackOf = (id: number): ProfileNode[] => {
    const stack: ProfileNode[] = []
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const node = nodes.get(at)
      if (node !== undefined) stack.push(node)
    }
    return stack
  }
  const inBundle = (node: ProfileNode): boolean => node.callFrame.url.includes(bundleDir)
  const partOf = (stack: readonly ProfileNode[]): ProfilePart => {
    const leaf = stack[0]?.callFrame.functionName ?? ''
    if (leaf === '(garbage collector)') return 'GC'
    if (!stack.some(inBundle))
      return stack.some((node) => node.callFrame.functionName === 'wrapSafe') ? 'compiling' : 'Node'
    const names = stack
      .slice(0, stack.findIndex(inBundle))
      .map((node) => node.callFrame.functionName)
    if (names.some((name) => name === 'compileForInternalLoader' || name === 'requireBuiltin'))
      return 'built-in modules'
    if (names.includes('wrapSafe')) return 'compiling'
    return 'bundle code'
  }
  const parts = Object.fromEntries(PROFILE_PARTS.map((part) => [part, 0])) as Record<
    ProfilePart,
    number
  >
  profile.samples.forEach((id, index) => {
    parts[partOf(stackOf(id))] += (profile.timeDeltas[index] ?? 0) / 1000
  })
  return { ...parts, total: (profile.endTime - profile.startTime) / 1000 }
}

/** One start of `script` (relative to the project root) with no inputs, profiled. */
export async function profileStart(projectRoot: string, script: string): Promise<StartProfile> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-profile-'))
  try {
    const args = [
      '--cpu-prof',
      '--cpu-prof-interval',
      '100',
      '--cpu-prof-dir',
      dir,
      resolve(projectRoot, script)
    ]
    await new Promise<void>((done, reject) => {
      const child = spawn(testEnv().runnerNode, args, { stdio: 'ignore', env: {} })
      child.on('error', reject)
      child.on('exit', () => {
        done()
      })
    })
    const [file] = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))
    if (file === undefined) throw new Error(`node --cpu-prof wrote no profile for ${script}`)
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile
    return profileParts(profile, resolve(projectRoot, script, '..'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
