// The job summary of a promotion or rollback: one pure rendering of its result.
import type { PromotionResult } from '../promote/promotion.js'
import { factTable, inlineCode } from './markdown.js'

export function renderPromotion(result: PromotionResult, environment: string): string {
  return [
    `### 🚀 ${inlineCode(environment)} → ${inlineCode(result.digest.slice(0, 19))}`,
    factTable([
      ['Ref', inlineCode(`${result.image}@${result.digest}`)],
      ['Source', inlineCode(result.source)],
      ['Before', result.previousDigest === '' ? '(new)' : inlineCode(result.previousDigest)],
      ['Moved', tagList(result.moved)],
      ['Already there', tagList(result.unchanged)],
      [
        'Deployment',
        result.deploymentId === undefined ? 'not recorded' : String(result.deploymentId)
      ]
    ])
  ].join('\n\n')
}

function tagList(tags: readonly string[]): string {
  return tags.map((tag) => inlineCode(tag)).join(', ') || '(none)'
}
