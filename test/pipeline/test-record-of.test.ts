// What a run's test record holds, and how an older record reads: no registry involved.
import { describe, expect, it } from 'vitest'
import { parseTestRecord, testRecordOf } from '../../src/pipeline/test-record.js'
import { RECORD, REPORT, SHA } from '../harness/fakes/test-record-fixture.js'

describe('testRecordOf', () => {
  it('names the test stage when the tests ran in one', () => {
    const staged = { ...REPORT, test: { ...REPORT.test, stage: 'test' } }
    expect(testRecordOf(staged, undefined, new Date()).testStage).toBe('test')
  })

  it('holds commit, result, command, stage, tested image, smoke test, durations, run and time', () => {
    expect(RECORD).toEqual({
      commit: SHA,
      result: 'passed',
      testCommand: 'npm test',
      testStage: null,
      testedImageId: `sha256:${'9'.repeat(64)}`,
      smokeTest: null,
      smokeTestCommand: null,
      durations: { buildMs: 61_000, testMs: 4200, smokeTestMs: null },
      runUrl: 'https://github.com/acme/web/actions/runs/1',
      recordedAt: '2026-11-25T08:00:00.000Z'
    })
  })
})

describe('testRecordOf, with a smoke test', () => {
  it.each(['passed', 'failed'] as const)(
    'carries a %s smoke test, its command and duration',
    (result) => {
      const smokeTest = {
        result,
        command: 'wget -qO- http://127.0.0.1:8080/',
        durationMs: 1500,
        healthCheck: true,
        attempts: 1,
        failure: undefined,
        outputTail: '',
        logTail: ''
      }
      const record = testRecordOf({ ...REPORT, smokeTest }, undefined, new Date())
      expect(record).toMatchObject({
        smokeTest: result,
        smokeTestCommand: 'wget -qO- http://127.0.0.1:8080/',
        durations: { smokeTestMs: 1500 }
      })
      expect(parseTestRecord(Buffer.from(JSON.stringify(record)))).toEqual(record)
    }
  )

  it('reads a record written before smoke tests as one without', () => {
    const older = { ...RECORD, smokeTestCommand: undefined, durations: { buildMs: 1, testMs: 2 } }
    const parsed = parseTestRecord(Buffer.from(JSON.stringify(older)))
    expect(parsed).toMatchObject({
      smokeTest: null,
      smokeTestCommand: null,
      durations: { buildMs: 1, testMs: 2, smokeTestMs: null }
    })
  })
})
