// The SVG chart of promote time against image size (one-layer images, log scale) in docs/.
import { PROMOTERS, type PromotionRow } from './results.js'

const WIDTH = 780
const HEIGHT = 360
const LEFT = 70
const BOTTOM = 300
const COLOURS = ['#1f77b4', '#2ca02c', '#ff7f0e', '#d62728', '#7f7f7f']

const sizeLabel = (megabytes: number): string =>
  megabytes >= 1000 ? `${megabytes / 1000} GB` : `${megabytes} MB`
const timeLabel = (ms: number): string => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`)

export function promoteChart(rows: readonly PromotionRow[]): string {
  const oneLayer = rows.filter((row) => row.image.layers === 1)
  const sizes = [...new Set(oneLayer.map((row) => row.image.megabytes))]
  const tools = PROMOTERS.filter((tool) => oneLayer.some((row) => row.tool === tool))
  const top = Math.max(...oneLayer.map((row) => row.median)) * 1.2
  const x = (column: number): number =>
    LEFT + (column * (WIDTH - LEFT - 40)) / Math.max(1, sizes.length - 1)
  const y = (ms: number): number =>
    BOTTOM - (Math.log10(Math.max(ms, 1)) / Math.log10(top)) * (BOTTOM - 30)
  // Legend entries sit in two rows, each entry as wide as its label.
  const legend = tools.map((tool, index) => {
    const row = index < 3 ? 0 : 1
    const before = tools.slice(row * 3, index)
    return {
      x: before.reduce((sum, previous) => sum + 40 + previous.length * 7, LEFT),
      y: BOTTOM + 28 + row * 18
    }
  })
  const lines = tools.map((tool, index) => {
    const colour = COLOURS[index % COLOURS.length] ?? '#000'
    const points = sizes.flatMap((size, column) => {
      const row = oneLayer.find((entry) => entry.tool === tool && entry.image.megabytes === size)
      return row === undefined ? [] : [`${x(column).toFixed(1)},${y(row.median).toFixed(1)}`]
    })
    const at = legend[index] ?? { x: LEFT, y: BOTTOM + 28 }
    return (
      `<polyline fill="none" stroke="${colour}" stroke-width="2.5" points="${points.join(' ')}"/>` +
      `<rect x="${at.x}" y="${at.y}" width="12" height="12" fill="${colour}"/>` +
      `<text x="${at.x + 16}" y="${at.y + 11}" font-size="12">${tool}</text>`
    )
  })
  const ticks = [10, 100, 1000, 10000, 100000]
    .filter((ms) => ms <= top)
    .map(
      (ms) =>
        `<line x1="${LEFT}" x2="${WIDTH - 30}" y1="${y(ms).toFixed(1)}" y2="${y(ms).toFixed(1)}" stroke="#ddd"/>` +
        `<text x="${LEFT - 8}" y="${(y(ms) + 4).toFixed(1)}" font-size="11" text-anchor="end">${timeLabel(ms)}</text>`
    )
  const labels = sizes.map(
    (size, column) =>
      `<text x="${x(column).toFixed(1)}" y="${BOTTOM + 18}" font-size="12" text-anchor="middle">${sizeLabel(size)}</text>`
  )
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif">` +
    `<rect width="100%" height="100%" fill="white"/>` +
    `<text x="${LEFT}" y="18" font-size="14" font-weight="bold">Promote time against image size (median, log scale, one layer)</text>` +
    `${ticks.join('')}${labels.join('')}${lines.join('')}</svg>\n`
  )
}
