// Bundles each action's entry into dist/<name>/index.js with @vercel/ncc.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'

const entries = {
  build: 'src/build/index.ts',
  promote: 'src/promote/index.ts',
  rollback: 'src/rollback/index.ts'
}

for (const [name, entry] of Object.entries(entries)) {
  const out = `dist/${name}`
  rmSync(out, { recursive: true, force: true })
  execFileSync(
    'npx',
    [
      'ncc',
      'build',
      entry,
      '--out',
      out,
      '--license',
      'licenses.txt',
      '--target',
      'es2022',
      '--quiet'
    ],
    {
      stdio: 'inherit'
    }
  )
}
