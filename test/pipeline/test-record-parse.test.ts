// The test record as read back from a registry: only a well-formed record of ours is believed.
import { describe, expect, it } from 'vitest'
import { parseTestRecord } from '../../src/pipeline/test-record.js'
import { RECORD } from '../harness/fakes/test-record-fixture.js'

describe('parseTestRecord', () => {
  const valid = JSON.stringify(RECORD)

  it('reads a record as written', () => {
    expect(parseTestRecord(Buffer.from(valid))).toEqual(RECORD)
  })

  it.each([
    ['not JSON', 'garbage'],
    ['null', 'null'],
    ['an unknown result', JSON.stringify({ ...RECORD, result: 'tested before' })],
    ['a commit that is not hex', JSON.stringify({ ...RECORD, commit: 'main' })],
    [
      'a run URL that is not a web address',
      JSON.stringify({ ...RECORD, runUrl: 'javascript:alert(1)' })
    ],
    [
      'a run URL that breaks out of a link',
      JSON.stringify({ ...RECORD, runUrl: 'https://x.test/a)(b' })
    ],
    ['a time that is not ISO 8601', JSON.stringify({ ...RECORD, recordedAt: 'yesterday' })],
    ['no durations', JSON.stringify({ ...RECORD, durations: undefined })],
    ['an unknown smoke test result', JSON.stringify({ ...RECORD, smokeTest: 'great' })]
  ])('refuses %s', (_, body) => {
    expect(parseTestRecord(Buffer.from(body))).toBeUndefined()
  })

  it('makes text fields one safe, capped line and drops durations that are not times', () => {
    const parsed = parseTestRecord(
      Buffer.from(
        JSON.stringify({
          ...RECORD,
          testCommand: `npm test\n::error::forged${'x'.repeat(5000)}`,
          durations: { buildMs: -1, testMs: 'long' }
        })
      )
    )
    expect(parsed?.testCommand).not.toContain('\n')
    expect(parsed?.testCommand?.length).toBeLessThan(2100)
    expect(parsed?.durations).toEqual({ buildMs: null, testMs: null, smokeTestMs: null })
  })
})
