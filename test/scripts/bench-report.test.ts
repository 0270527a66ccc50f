import { describe, expect, it } from 'vitest'
import { promoteChart } from '../../scripts/bench/chart.js'
import { judgeGoals } from '../../scripts/bench/goals.js'
import { benchmarksMarkdown, CHART_FILE } from '../../scripts/bench/report.js'
import { PROMOTERS } from '../../scripts/bench/results.js'
import { benchResults, promotionRows } from './bench-results.js'

const render = (results = benchResults()): string =>
  benchmarksMarkdown(results, judgeGoals(results))

describe('benchmarksMarkdown', () => {
  it('keeps the sections of docs/BENCHMARKS.md in order', () => {
    const headings = render()
      .split('\n')
      .filter((line) => line.startsWith('#'))
    expect(headings).toEqual([
      '# Benchmarks',
      '## Goals',
      '## Promotion: a same-repository retag',
      '## The build pipeline on examples/hello',
      '## A cold engine with a registry cache',
      '## Where the time goes, and what is left',
      '## Cold start and size'
    ])
  })

  it('puts each goal in the table with its verdict, a missed one in bold', () => {
    const results = benchResults({
      promotion: promotionRows({ 'immutable-image promote': 90 })
    })
    const markdown = render(results)
    expect(markdown).toContain(
      '| promote, deployment recorded on the GitHub double: ≤ 2.0× the two-curl floor | **missed** | 5mb-1 3.00×'
    )
    expect(markdown).toContain('| promote with record: false: ≤ 1.7× the two-curl floor | met |')
    expect(markdown).toContain(
      '| cold engine with registry cache: ≤ 1.5× the warm-engine build | met | 1.40× (14000 ms against 10000 ms; without the cache 30000 ms) |'
    )
  })

  it('gives each promotion its range, its ratio to the floor of the same image and its traffic', () => {
    expect(render()).toContain(
      '| 200mb-20 | skopeo copy | 60 ms (59 ms–61 ms) | 2.00× | 2 | 1.0 KB | 5 |'
    )
  })

  it('links the chart and lists every bundle with its size, after Node alone', () => {
    const markdown = render()
    expect(markdown).toContain(`![promote time against image size](${CHART_FILE})`)
    const nodeAlone = markdown.indexOf("| Node alone: `node -e 'console.log(0)'` | 20 ms | – |")
    expect(nodeAlone).toBeGreaterThan(0)
    expect(markdown.indexOf('| dist/promote/index.js | 25 ms | 1.35 MB |')).toBeGreaterThan(
      nodeAlone
    )
  })

  it('gives the three builds of the cache fixture with their ranges', () => {
    const markdown = render()
    expect(markdown).toContain('| warm engine, registry cache | 10000 ms (9999 ms–10001 ms) |')
    expect(markdown).toContain('| cold engine, registry cache | 14000 ms (13999 ms–14001 ms) |')
    expect(markdown).toContain(
      '| cold engine, no cache (for reference) | 30000 ms (29999 ms–30001 ms) |'
    )
  })

  it('splits each bundle’s profiled start into its parts', () => {
    expect(render()).toContain(
      '| dist/promote/index.js | 20 ms | 9.0 ms | 5.0 ms | 2.0 ms | 3.0 ms | 1.0 ms |'
    )
  })

  it('states the run count and the date', () => {
    const markdown = render(benchResults({ runs: 9, date: '2030-01-02' }))
    expect(markdown).toContain('on 2030-01-02')
    expect(markdown).toContain('the median of 9 runs')
  })
})

describe('promoteChart', () => {
  it('draws one line per tool over the one-layer images, with a legend entry for each', () => {
    const svg = promoteChart(promotionRows())
    expect(svg.match(/<polyline /g)).toHaveLength(PROMOTERS.length)
    for (const tool of PROMOTERS) expect(svg).toContain(`>${tool}</text>`)
    // 5 MB, 200 MB and 1 GB: the 20-layer images are left out.
    const firstLine = /points="([^"]+)"/.exec(svg)?.[1] ?? ''
    expect(firstLine.split(' ')).toHaveLength(3)
    expect(svg).toContain('>1 GB</text>')
  })

  it('puts a slower tool higher on the chart', () => {
    const svg = promoteChart(promotionRows())
    const heights = [...svg.matchAll(/points="[\d.]+,([\d.]+)/g)].map((match) => Number(match[1]))
    const [ours = 0, , , docker = 0] = heights
    expect(docker).toBeLessThan(ours)
  })
})
