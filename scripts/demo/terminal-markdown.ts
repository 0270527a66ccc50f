// Renders the Markdown GitHub would show (comment, summary) readably in a terminal.

export interface Style {
  bold(text: string): string
  dim(text: string): string
  code(text: string): string
}

export const PLAIN: Style = { bold: (t) => t, dim: (t) => t, code: (t) => t }

export const ANSI: Style = {
  bold: (t) => `\u001b[1m${t}\u001b[22m`,
  dim: (t) => `\u001b[2m${t}\u001b[22m`,
  code: (t) => `\u001b[36m${t}\u001b[39m`
}

function inline(text: string, style: Style): string {
  return text
    .replace(/<br>/g, ', ')
    .replace(/<\/?sub>/g, '')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 <$2>')
    .replace(/(`+)(.+?)\1/g, (_match, _ticks, code: string) => style.code(code.trim()))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\\([\\`*_[\]|])/g, '$1')
}

function table(rows: string[], style: Style, indent: string): string[] {
  const cells = rows
    .filter((row) => !/^\|[-\s|]+\|$/.test(row))
    .map((row) =>
      row
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => inline(cell.trim(), style))
    )
  // eslint-disable-next-line no-control-regex -- measuring text without its ANSI colours
  const visible = (text: string): number => text.replace(/\u001b\[[0-9;]*m/g, '').length
  const width = Math.max(0, ...cells.map((row) => visible(row[0] ?? '')))
  return cells
    .filter((row) => row.some((cell) => cell !== ''))
    .map((row) => {
      const [key = '', ...rest] = row
      return `${indent}${style.bold(key)}${' '.repeat(width - visible(key) + 2)}${rest.join('  ')}`
    })
}

export function renderMarkdown(markdown: string, style: Style = PLAIN): string {
  const out: string[] = []
  const lines = markdown.split('\n')
  let indent = ''
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? ''
    const fence = /^(`{3,})/.exec(line)
    if (fence !== null) {
      const close = fence[1] ?? '```'
      while (index + 1 < lines.length && lines[index + 1] !== close) {
        out.push(`${indent}  ${style.dim('│')} ${lines[++index] ?? ''}`)
      }
      index++
      continue
    }
    if (line.startsWith('|')) {
      const rows = [line]
      while ((lines[index + 1] ?? '').startsWith('|')) rows.push(lines[++index] ?? '')
      out.push(...table(rows, style, indent))
      continue
    }
    const summary = /^<details(?: open)?><summary>(.*)<\/summary>$/.exec(line)
    if (summary !== null) {
      out.push(`${indent}${style.bold(`▸ ${inline(summary[1] ?? '', style)}`)}`)
      indent += '  '
      continue
    }
    if (line === '</details>') {
      indent = indent.slice(2)
      continue
    }
    if (line.startsWith('<!--')) continue
    const heading = /^#{1,6} (.*)$/.exec(line)
    if (heading !== null) {
      out.push(`${indent}${style.bold(inline(heading[1] ?? '', style))}`)
      continue
    }
    const alert = /^> \[!(\w+)\]$/.exec(line)
    if (alert !== null) {
      out.push(`${indent}${style.bold(alert[1] === 'WARNING' ? '⚠ warning' : '✖ error')}`)
      continue
    }
    out.push(`${indent}${inline(line.replace(/^> /, '  '), style)}`)
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
