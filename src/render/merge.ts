// The pull-request comment and job summary of a merge: one pure rendering of its result.
import type { MergeResult } from '../merge/merge.js'
import { codeBlock, details, factTable, inlineCode, plainText } from './markdown.js'

export function renderMerge(result: MergeResult, runUrl: string): string {
  const name = inlineCode(`${result.image}:${result.shaTag}`)
  const ref = result.digest === undefined ? undefined : `${result.image}@${result.digest}`
  const sections =
    ref === undefined
      ? [
          `### ❌ Merge refused: nothing tagged · ${name}`,
          result.problems.map((problem) => `- ${plainText(problem)}`).join('\n')
        ]
      : [
          `### ✅ Merged ${result.platforms.length} platforms · ${name}\n\n${inlineCode(ref)}`,
          codeBlock(`docker pull ${ref}`, 'sh'),
          details('Details', facts(result))
        ]
  if (runUrl !== '') sections.push(`<sub>[Workflow run](${runUrl}) · immutable-image</sub>`)
  return sections.join('\n\n')
}

function facts(result: MergeResult): string {
  return factTable([
    ['Commit', inlineCode(result.sha)],
    ['Tags', result.tags.map((tag) => inlineCode(tag)).join('<br>')],
    ...result.platforms.map(({ platform, digest }): [string, string] => [
      inlineCode(platform),
      inlineCode(digest)
    ])
  ])
}
