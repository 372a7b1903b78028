import { describe, expect, it } from 'vitest'
import { confirmProblem, dateChoiceLabel, dismissText, initialTriggers, offersDates } from './clockSuggestions'

describe('suggested legal clocks', () => {
  it('starts each suggestion with its proposed trigger date, or none', () => {
    expect(initialTriggers([{ type: 'LABOUR_ARBITRATION', triggerDate: '2026-03-05' }, { type: 'APPEAL_JUDGMENT' }]))
      .toEqual({ LABOUR_ARBITRATION: '2026-03-05', APPEAL_JUDGMENT: '' })
  })

  it('shows the words a date came from and marks a month only', () => {
    expect(dateChoiceLabel({ date: '2026-03-05', precision: 'DAY', phrase: '3月5号' })).toBe('“3月5号” 2026-03-05')
    expect(dateChoiceLabel({ date: '2025-12-01', precision: 'MONTH', phrase: '去年12月' }))
      .toBe('“去年12月” 2025-12-01（只写到月，请核实具体日期）')
  })

  it('offers the text\'s date beside the citizen\'s own, and one date only when it is not already proposed', () => {
    const inText = [{ date: '2026-03-01', precision: 'MONTH', phrase: '3月' }]
    expect(offersDates({ triggerDate: '2026-03-05', datesInText: inText })).toBe(true) // 市民填写
    expect(offersDates({ triggerDate: '2026-03-01', datesInText: inText })).toBe(false)
    expect(offersDates({ triggerDate: '2026-03-05', datesInText: [] })).toBe(false)
  })

  it('asks for a trigger date not after today before confirming', () => {
    expect(confirmProblem('', '2026-12-07')).toBe('请选择起算事件发生之日')
    expect(confirmProblem('2026-12-08', '2026-12-07')).toBe('起算日不能晚于今天')
    expect(confirmProblem('2026-12-07', '2026-12-07')).toBe('')
  })

  it('says what dismissing does before it is done', () => {
    expect(dismissText('劳动仲裁申请期限')).toContain('不再建议此期限')
  })
})
