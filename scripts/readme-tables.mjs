// Writes the inputs and outputs tables of README.md from the action.yml files, or checks them.
// Usage: node scripts/readme-tables.mjs [--check] [--readme PATH]
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'
import { parse } from 'yaml'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const check = args.includes('--check')
const readmeIndex = args.indexOf('--readme')
const readmePath = readmeIndex === -1 ? join(root, 'README.md') : args[readmeIndex + 1]

const cell = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\|/g, '\\|')
    .trim()

function inputsTable(action) {
  const rows = Object.entries(action.inputs ?? {}).map(([name, input]) => {
    const fallback =
      input.default === undefined || input.default === '' ? '' : `\`${cell(input.default)}\``
    return `| \`${name}\` | ${input.required ? 'yes' : 'no'} | ${fallback} | ${cell(input.description)} |`
  })
  return [
    '| input | required | default | description |',
    '| --- | --- | --- | --- |',
    ...rows
  ].join('\n')
}

function outputsTable(action) {
  const rows = Object.entries(action.outputs ?? {}).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`
  )
  return ['| output | description |', '| --- | --- |', ...rows].join('\n')
}

/** Replaces what stands between `<!-- inputs: promote/action.yml -->` and `<!-- end -->`. */
export function renderTables(readme) {
  return readme.replace(
    /(<!-- (inputs|outputs): ([\w/.-]+) -->)[\s\S]*?(<!-- end -->)/g,
    (_match, open, kind, file, close) => {
      const action = parse(readFileSync(join(root, file), 'utf8'))
      return `${open}\n\n${kind === 'inputs' ? inputsTable(action) : outputsTable(action)}\n\n${close}`
    }
  )
}

const current = readFileSync(readmePath, 'utf8')
// Formatted as `prettier --check` wants it, so the two checks agree on one text.
const options = (await prettier.resolveConfig(join(root, 'README.md'))) ?? {}
const wanted = await prettier.format(renderTables(current), { ...options, parser: 'markdown' })
if (check) {
  if (current !== wanted) {
    console.error(
      `${readmePath}: the inputs/outputs tables disagree with action.yml: run 'npm run readme'`
    )
    process.exit(1)
  }
} else if (current !== wanted) {
  writeFileSync(readmePath, wanted)
  console.log(`updated ${readmePath}`)
}
