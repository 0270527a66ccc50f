// Sets the ref in every `acme/immutable-image…@<ref>` of our workflows and README, or checks them
// against package.json's actionRef. Usage: node scripts/set-action-ref.mjs <ref> | --check [--root DIR]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const usage = 'usage: node scripts/set-action-ref.mjs <ref> | --check [--root DIR]'
const args = process.argv.slice(2)
const rootIndex = args.indexOf('--root')
if (rootIndex !== -1 && args[rootIndex + 1] === undefined) {
  console.error(usage)
  process.exit(2)
}
const root =
  rootIndex === -1
    ? join(dirname(fileURLToPath(import.meta.url)), '..')
    : resolve(args[rootIndex + 1])
const check = args.includes('--check')
const newRef = args.find(
  (arg, index) => !arg.startsWith('--') && (rootIndex === -1 || index !== rootIndex + 1)
)
const refPattern = /^\w(?:[\w./-]*\w)?$/

// The repository, an optional sub-action or workflow path, then the ref (never ending in a dot,
// so `…@v1.` at the end of a sentence keeps its full stop).
const ours = () => /(acme\/immutable-image(?:\/[\w./-]+)?@)(\w(?:[\w./-]*\w)?)/gi
// README prose may tell the history of a ref; only its code blocks and code spans are usage.
const markdownCode = /```[\s\S]*?```|`[^`\n]+`/g

function ourFiles() {
  const workflows = ['.github/workflows', 'workflows'].flatMap((dir) =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir))
          .filter((name) => /\.ya?ml$/.test(name))
          .sort()
          .map((name) => join(dir, name))
      : []
  )
  return existsSync(join(root, 'README.md')) ? [...workflows, 'README.md'] : workflows
}

/** Every ref of ours in a file's text, with the line it stands on. */
function refsIn(file, text) {
  const regions = file.endsWith('.md')
    ? [...text.matchAll(markdownCode)].map((match) => ({ start: match.index, text: match[0] }))
    : [{ start: 0, text }]
  return regions.flatMap((region) =>
    [...region.text.matchAll(ours())].map((match) => {
      const index = region.start + match.index
      return { line: text.slice(0, index).split('\n').length, uses: match[0], ref: match[2] }
    })
  )
}

function rewrite(file, text, ref) {
  const replace = (code) => code.replace(ours(), (_match, prefix) => `${prefix}${ref}`)
  return file.endsWith('.md') ? text.replace(markdownCode, replace) : replace(text)
}

function actionRefOf(packageJson) {
  return JSON.parse(packageJson).actionRef ?? 'v1'
}

function withActionRef(packageJson, ref) {
  const field = /("actionRef"\s*:\s*)"[^"]*"/
  if (field.test(packageJson)) return packageJson.replace(field, `$1${JSON.stringify(ref)}`)
  return `${JSON.stringify({ ...JSON.parse(packageJson), actionRef: ref }, null, 2)}\n`
}

const packagePath = join(root, 'package.json')
const packageJson = readFileSync(packagePath, 'utf8')

if (check) {
  const expected = actionRefOf(packageJson)
  const wrong = ourFiles().flatMap((file) =>
    refsIn(file, readFileSync(join(root, file), 'utf8'))
      .filter((found) => found.ref !== expected)
      .map((found) => `${file}:${found.line}: ${found.uses}, expected @${expected}`)
  )
  if (wrong.length > 0) {
    console.error(wrong.join('\n'))
    console.error(
      `${wrong.length} ref(s) of ours disagree with actionRef ${expected} in package.json: ` +
        `run 'node scripts/set-action-ref.mjs ${expected}'`
    )
    process.exit(1)
  }
  console.log(`every ref of ours is @${expected}`)
} else {
  if (newRef === undefined || !refPattern.test(newRef)) {
    console.error(newRef === undefined ? usage : `'${newRef}' is not a git ref.\n${usage}`)
    process.exit(2)
  }
  for (const file of ourFiles()) {
    const path = join(root, file)
    const text = readFileSync(path, 'utf8')
    const changed = rewrite(file, text, newRef)
    if (changed !== text) {
      writeFileSync(path, changed)
      console.log(`${file}: @${newRef}`)
    }
  }
  const updated = withActionRef(packageJson, newRef)
  if (updated !== packageJson) {
    writeFileSync(packagePath, updated)
    console.log(`${relative(root, packagePath)}: actionRef ${newRef}`)
  }
}
