// npm run local-action: GitHub's @github/local-action runs the TypeScript source with the inputs in
// .env. It captures what a step says through its stubs of @actions/core, which src/ does not import
// (src/runner/core.ts speaks the runner's protocol itself): so this gives the step the files a runner
// gives it (GITHUB_OUTPUT, GITHUB_STATE), runs the post step with the state the main step saved, as
// the runner does, and prints the outputs itself.
// Usage: node scripts/local-action.mjs [ACTION_DIR MAIN POST ENV_FILE]
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const defaults = ['.', 'src/build-test-push/main.ts', 'scripts/local-action-post.ts', '.env']
const given = process.argv.slice(2)
if (given.length !== 0 && given.length !== defaults.length) {
  console.error('usage: node scripts/local-action.mjs [ACTION_DIR MAIN POST ENV_FILE]')
  process.exit(2)
}
const [actionDir, main, post, envFile] = given.length === 0 ? defaults : given

/** `name=value` lines and `name<<DELIMITER` blocks, as a runner reads GITHUB_OUTPUT and GITHUB_STATE. */
function fileCommands(text) {
  const values = new Map()
  const lines = text.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const block = /^([^=<]+)<<(.+)$/.exec(lines[index])
    if (block !== null) {
      const end = lines.indexOf(block[2], index + 1)
      values.set(block[1], lines.slice(index + 1, end).join('\n'))
      index = end
    } else if (lines[index].includes('=')) {
      const at = lines[index].indexOf('=')
      values.set(lines[index].slice(0, at), lines[index].slice(at + 1))
    }
  }
  return values
}

function localAction(entrypoint, env) {
  const bin = resolve('node_modules/.bin/local-action')
  return spawnSync(bin, ['run', actionDir, entrypoint, envFile], { env, stdio: 'inherit' }).status
}

mkdirSync('.tmp', { recursive: true })
const dir = mkdtempSync(join(resolve('.tmp'), 'local-action-'))
const step = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STATE: join(dir, 'state') }
for (const file of Object.values(step)) writeFileSync(file, '')

const status = localAction(main, { ...process.env, ...step })
const state = fileCommands(readFileSync(step.GITHUB_STATE, 'utf8'))
const postEnv = { ...process.env, GITHUB_OUTPUT: join(dir, 'post-output') }
for (const [name, value] of state) postEnv[`STATE_${name}`] = value
writeFileSync(postEnv.GITHUB_OUTPUT, '')
const postStatus = localAction(post, postEnv)

const outputs = [...fileCommands(readFileSync(step.GITHUB_OUTPUT, 'utf8'))]
console.log(`\nOutputs of the main step (${step.GITHUB_OUTPUT}):`)
for (const [name, value] of outputs) console.log(`  ${name}: ${JSON.stringify(value)}`)
if (outputs.length === 0) console.log('  none')
process.exit(status === 0 ? (postStatus ?? 1) : (status ?? 1))
