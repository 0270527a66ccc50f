// One untrusted value (a GitHub answer, a registry's digest, a deployment payload) made inert for a log line.

const DEFAULT_MAX_CHARS = 200

/** C0 and C1 controls, DEL and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g
const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * The value on one line, at most `maxChars` characters of it, that the runner cannot read as a
 * workflow command: it reads `::name::` at the start of a line (after whitespace) and the legacy
 * `##[name]` anywhere in one. Backslashes are doubled so every escape is unambiguous.
 */
export function untrustedText(value: unknown, maxChars = DEFAULT_MAX_CHARS): string {
  const characters = Array.from(String(value))
  const capped =
    characters.length > maxChars ? `${characters.slice(0, maxChars).join('')}…` : String(value)
  const escaped = capped
    .replace(/\\/g, '\\\\')
    .replace(CONTROL, (char) => NAMED_ESCAPES[char] ?? `\\u${hex4(char)}`)
    .replace(/##\[/g, '##\\[')
  return /^\s*:/.test(escaped) ? `\\${escaped}` : escaped
}

function hex4(char: string): string {
  return (char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')
}
