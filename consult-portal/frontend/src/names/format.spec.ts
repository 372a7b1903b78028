import { describe, expect, it } from 'vitest'
import { countdown, formatTime, handOverLabel, legalDeadline } from './format'

describe('countdowns and times', () => {
  const now = Date.parse('2026-12-06T02:00:00Z')

  it('counts down to a deadline in hours and minutes', () => {
    expect(countdown('2026-12-06T05:12:00Z', now)).toEqual({ text: '剩余 3小时12分', overdue: false, soon: false })
  })

  it('warns within two hours and says how long a deadline is past', () => {
    expect(countdown('2026-12-06T02:30:05Z', now).soon).toBe(true)
    expect(countdown('2026-12-06T02:30:05Z', now).text).toBe('剩余 30分05秒')
    expect(countdown('2026-12-04T23:00:00Z', now)).toEqual({ text: '已超时 1天3小时', overdue: true, soon: false })
  })

  it('shows times in Beijing time whatever the browser zone', () => {
    expect(formatTime('2026-12-06T02:00:00Z')).toBe('2026-12-06 10:00')
  })

})

describe('legal deadlines', () => {
  it('count days in Beijing, where 23:30 UTC is already the next day', () => {
    const lateEvening = Date.parse('2026-12-06T23:30:00Z') // 7 December, 07:30 in Beijing
    expect(legalDeadline('2027-03-15', lateEvening)).toEqual({ text: '2027年3月15日（还剩98天）', date: '2027年3月15日',
      left: '还剩98天', soon: false })
    expect(legalDeadline('2026-12-07', lateEvening).text).toBe('2026年12月7日（今天截止）')
    expect(legalDeadline('2026-12-07', lateEvening).soon).toBe(true)
    expect(legalDeadline('2026-12-12', lateEvening).soon).toBe(true)
    expect(legalDeadline(null, lateEvening).text).toBe('')
  })
})

describe('the hand-over label', () => {
  it('labels the hand-over with the window the server counts down to, not an assumed 24 hours', () => {
    expect(handOverLabel({ createdAt: '2026-12-06T02:00:00Z', handOverAt: '2026-12-07T02:00:00Z' })).toBe('24小时无人答复转外包')
    expect(handOverLabel({ createdAt: '2026-12-06T02:00:00Z', handOverAt: '2026-12-08T08:00:00Z' })).toBe('54小时无人答复转外包')
    expect(handOverLabel({ createdAt: '2026-12-06T02:00:00Z' })).toBe('无人答复转外包')
  })
})
