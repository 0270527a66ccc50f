// Outputs and job summary of a promotion.
import * as core from '@actions/core'
import { getErrorMessage } from '../errors.js'
import { inlineCode } from '../render/markdown.js'
import type { PromotionResult } from './promotion.js'

export function setPromotionOutputs(result: PromotionResult): void {
  core.setOutput('digest', result.digest)
  core.setOutput('previous-digest', result.previousDigest)
  core.setOutput('ref', `${result.image}@${result.digest}`)
  core.setOutput(
    'deployment-id',
    result.deploymentId === undefined ? '' : String(result.deploymentId)
  )
}

export function renderPromotion(result: PromotionResult, environment: string): string {
  const rows = [
    ['Ref', inlineCode(`${result.image}@${result.digest}`)],
    ['Source', inlineCode(result.source)],
    ['Before', result.previousDigest === '' ? '(new)' : inlineCode(result.previousDigest)],
    ['Moved', result.moved.map((tag) => inlineCode(tag)).join(', ') || '(none)'],
    ['Already there', result.unchanged.map((tag) => inlineCode(tag)).join(', ') || '(none)'],
    ['Deployment', result.deploymentId === undefined ? 'not recorded' : String(result.deploymentId)]
  ]
  return [
    `### 🚀 ${inlineCode(environment)} → ${inlineCode(result.digest.slice(0, 19))}`,
    '| | |\n|---|---|\n' +
      rows.map(([key, value]) => `| ${key ?? ''} | ${value ?? ''} |`).join('\n')
  ].join('\n\n')
}

export async function writePromotionSummary(
  result: PromotionResult,
  environment: string
): Promise<void> {
  try {
    await core.summary.addRaw(renderPromotion(result, environment), true).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${getErrorMessage(error)}`)
  }
}
