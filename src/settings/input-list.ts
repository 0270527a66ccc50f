// List inputs read as docker/build-push-action reads them, so a `with:` block carries over as written.
import * as core from '../runner/core.js'
import { parse } from 'csv-parse/sync'

export interface ListOptions {
  /** Keep commas inside an item (`type=registry,ref=…` is one item), as for cache-from. */
  readonly ignoreComma?: boolean
  /** Keep each item's surrounding whitespace (a secret value may begin or end with a space). */
  readonly keepWhitespace?: boolean
}

/**
 * One item a line, or several on a line separated by commas; a double-quoted item may hold commas,
 * line breaks and `""` for a quote. Blank items are dropped.
 */
export function csvList(name: string, options: ListOptions = {}): string[] {
  const raw = core.getInput(name, { trimWhitespace: options.keepWhitespace !== true })
  return parseCsvList(raw, options)
}

/** csvList's parsing, given the input's text. */
export function parseCsvList(raw: string, options: ListOptions = {}): string[] {
  if (raw === '') return []
  const records: string[][] = parse(raw, {
    relaxQuotes: true,
    relaxColumnCount: true,
    skipEmptyLines: true
  })
  const items = records.flatMap((record) => {
    if (options.ignoreComma === true) return [record.join(',')]
    return record.length === 1 ? (record[0] ?? '').split(',') : record
  })
  return items
    .filter((item) => item !== '')
    .map((item) => (options.keepWhitespace === true ? item : item.trim()))
    .filter((item) => item !== '')
}

/** The fields of one `key=value,key=value` item (a bare word is a field with no `=`). */
export function csvFields(item: string): string[] {
  const records: string[][] = parse(item, {
    relaxQuotes: true,
    relaxColumnCount: true,
    skipEmptyLines: true,
    trim: true
  })
  return (records[0] ?? []).filter((field) => field !== '')
}
