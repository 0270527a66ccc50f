// Bundles each action's entry into dist/<name>/index.js with @vercel/ncc; nothing else stays in dist/.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'

const entries = {
  'build-test-push': 'src/build-test-push/index.ts',
  promote: 'src/promote/index.ts',
  rollback: 'src/rollback/index.ts',
  merge: 'src/merge/index.ts'
}

// A bundle whose action was renamed or removed must not linger where CI compares dist/.
rmSync('dist', { recursive: true, force: true })
for (const [name, entry] of Object.entries(entries)) {
  const out = `dist/${name}`
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
