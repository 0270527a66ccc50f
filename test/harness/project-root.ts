// The checkout's root, found by walking up to our package.json (works from a bundle in .tmp/ too).
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json')
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'immutable-image'
    ) {
      return dir
    }
    if (dirname(dir) === dir) throw new Error(`no immutable-image checkout above ${start}`)
  }
}

export const PROJECT_ROOT = findProjectRoot(import.meta.dirname)
