// The outputs an action declares in its action.yml: what a step may leave, and nothing else.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { PROJECT_ROOT } from './project-root.js'

/** Sorted output names of the action in `folder` ('' for the root action). */
export function declaredOutputs(folder = ''): string[] {
  const manifest = parse(readFileSync(join(PROJECT_ROOT, folder, 'action.yml'), 'utf8')) as {
    outputs?: Record<string, unknown>
  }
  return Object.keys(manifest.outputs ?? {}).sort()
}
