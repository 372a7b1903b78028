import { describe, expect, it } from 'vitest'
import { apiQuery, attemptLines, beijingMidnight, emptyFilters, filtersFromQuery, filtersToQuery, recordingUrl,
  seconds } from './calls'

describe('call log filters', () => {
  it('survive the round trip through the URL', () => {
    const f = { ...emptyFilters(), tab: 'missed' as const, fromDate: '2026-12-01', toDate: '2026-12-07',
      phone: ' 13800138000 ', region: '440100', queue: 'mediation', agent: 'Agent One', hasRecording: 'true' as const,
      page: 2 }
    const back = filtersFromQuery(filtersToQuery(f))
    expect(back).toEqual({ ...f, phone: '13800138000' })
  })

  it('leave a plain URL plain and drop what is malformed there', () => {
    expect(filtersToQuery(emptyFilters())).toEqual({})
    const f = filtersFromQuery({ tab: 'x', from: 'yesterday', region: '44', rec: 'yes', page: '-3' })
    expect(f).toEqual(emptyFilters())
  })

  it('send Beijing days as instants, the end day included', () => {
    expect(beijingMidnight('2026-12-07')).toBe('2026-12-06T16:00:00Z')
    const q = apiQuery({ ...emptyFilters(), fromDate: '2026-12-01', toDate: '2026-12-07' })
    expect(q).toMatchObject({ from: '2026-11-30T16:00:00Z', to: '2026-12-07T16:00:00Z', page: 0, limit: 20 })
  })

  it('ask the missed-calls tab for calls nobody answered, whatever outcome the form had', () => {
    expect(apiQuery({ ...emptyFilters(), tab: 'missed', outcome: 'ANSWERED' }).outcome).toBe('MISSED,ABANDONED')
    expect(apiQuery({ ...emptyFilters(), outcome: 'ANSWERED' }).outcome).toBe('ANSWERED')
    expect(apiQuery(emptyFilters())).not.toHaveProperty('outcome')
  })
})

describe('call log formats', () => {
  it('say durations in Chinese', () => {
    expect(seconds(75)).toBe('1分15秒')
    expect(seconds(9)).toBe('9秒')
    expect(seconds(null)).toBe('')
  })

  it('split a callback history into its attempts', () => {
    expect(attemptLines('第1次（12-07 09:00）：市民未接听\n\n第2次（12-07 09:20）：已接通')).toEqual(
      ['第1次（12-07 09:00）：市民未接听', '第2次（12-07 09:20）：已接通'])
    expect(attemptLines(null)).toEqual([])
  })

  it('escape a call id in the recording address', () => {
    expect(recordingUrl('1795876397.9')).toBe('/api/v1/staff/calls/1795876397.9/recording')
    expect(recordingUrl('a/b')).toBe('/api/v1/staff/calls/a%2Fb/recording')
  })
})
