// Bundles each action's entry into dist/<name>/index.js with @vercel/ncc; nothing else stays in dist/.
// The bundles are CommonJS, marked so by a package.json of their own: Node starts a CommonJS script
// tens of milliseconds sooner than an ES module (the ESM loader), and every step starts one.
import ncc from '@vercel/ncc'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

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
  const { code, assets } = await ncc(resolve(entry), {
    esm: false,
    filename: 'index.js',
    license: 'licenses.txt',
    target: 'es2022',
    quiet: true
  })
  mkdirSync(out, { recursive: true })
  writeFileSync(join(out, 'index.js'), code)
  for (const [file, asset] of Object.entries(assets)) {
    mkdirSync(dirname(join(out, file)), { recursive: true })
    writeFileSync(join(out, file), asset.source)
  }
  writeFileSync(join(out, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`)
}
