// The rows of the comment and summary that say, per platform of the index, tested or built only.
import type { BuildReport } from '../pipeline/report.js'
import { inlineCode } from './markdown.js'

export function platformRows(report: BuildReport): [string, string][] {
  return (report.platforms ?? []).map(({ platform, tested }) => [
    `Platform ${inlineCode(platform)}`,
    tested ? 'built and tested' : 'built only, not tested (it cannot run on this runner)'
  ])
}
