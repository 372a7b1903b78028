import { describe, expect, it } from 'vitest'
import {
  addRows, checkYear, chineseDate, expandRange, problemsByField, readDraft, removalNotice, weekday, type YearForm,
} from './holidays'

const form = (days: YearForm['days'], status = 'OFFICIAL', source = '国务院办公厅关于2027年部分节假日安排的通知'): YearForm =>
  ({ status, source, days })

describe('holiday year form', () => {
  it('accepts a proper year: holidays on any day, make-up working days on weekends', () => {
    expect(checkYear(2027, form([
      { date: '2027-02-06', kind: 'HOLIDAY', name: '春节' },
      { date: '2027-02-07', kind: 'WORKDAY', name: '春节调休上班' }, // a Sunday
    ]))).toEqual({})
  })

  it('names a date twice on the second row, as the server does', () => {
    const errors = checkYear(2027, form([
      { date: '2027-10-01', kind: 'HOLIDAY', name: '国庆节' },
      { date: '2027-10-01', kind: 'HOLIDAY', name: '' },
    ]))
    expect(errors).toEqual({ 'days[1].date': '第2行：2027年10月1日与第1行重复' })
  })

  it('refuses a make-up working day that is already a working day, a day of another year and a missing date', () => {
    const errors = checkYear(2027, form([
      { date: '2027-10-13', kind: 'WORKDAY', name: '' }, // a Wednesday
      { date: '2028-01-01', kind: 'HOLIDAY', name: '元旦' },
      { date: '', kind: 'HOLIDAY', name: '' },
    ]))
    expect(errors['days[0].date']).toContain('调休上班日应为星期六或星期日')
    expect(errors['days[1].date']).toBe('第2行：2028年1月1日不在2027年')
    expect(errors['days[2].date']).toBe('第3行：请选择日期')
  })

  it('needs a status and a source', () => {
    expect(Object.keys(checkYear(2027, form([], '', ' '))).sort()).toEqual(['source', 'status'])
  })
})

describe('the server answer', () => {
  it('puts every broken rule under its field and a fieldless problem at the top', () => {
    expect(problemsByField({ field: 'days[1].date', detail: 'a', errors: [
      { field: 'days[1].date', message: 'a' }, { field: 'status', message: 'b' }] }))
      .toEqual({ 'days[1].date': 'a', status: 'b' })
    expect(problemsByField({ field: 'year', detail: '年份应在2000年至2031年之间' })).toEqual({ year: '年份应在2000年至2031年之间' })
    expect(problemsByField({ detail: '服务暂时不可用' })).toEqual({ _form: '服务暂时不可用' })
  })
})

describe('rows', () => {
  it('expands a run of days across a month end and keeps each date once, in order', () => {
    const run = expandRange('2027-01-30', '2027-02-02', 'HOLIDAY', ' 测试 ')
    expect(run.map((d) => d.date)).toEqual(['2027-01-30', '2027-01-31', '2027-02-01', '2027-02-02'])
    expect(run[0]!.name).toBe('测试')
    const merged = addRows([{ date: '2027-02-01', kind: 'WORKDAY', name: '原有' }], run)
    expect(merged.map((d) => d.date)).toEqual(['2027-01-30', '2027-01-31', '2027-02-01', '2027-02-02'])
    expect(merged[2]!.kind).toBe('WORKDAY')
    expect(expandRange('2027-02-02', '2027-01-30', 'HOLIDAY', '')).toEqual([])
  })

  it('names weekdays and dates in Chinese', () => {
    expect(weekday('2027-02-06')).toBe('星期六')
    expect(weekday('2027-02-30')).toBe('')
    expect(chineseDate('2027-02-06')).toBe('2027年2月6日')
  })

  it('says which days saving takes away, and nothing when none', () => {
    const before = [{ date: '2027-01-11', kind: 'HOLIDAY' as const, name: '' }, { date: '2027-02-07', kind: 'WORKDAY' as const, name: '' }]
    expect(removalNotice(before, [])).toBe('保存后将取消放假 1月11日；取消调休上班 2月7日。')
    expect(removalNotice(before, before)).toBe('')
  })

  it('reads back a draft and ignores anything else', () => {
    expect(readDraft(JSON.stringify({ year: 2027, form: form([]) }))?.year).toBe(2027)
    expect(readDraft('not json')).toBeNull()
    expect(readDraft('{"year":"2027"}')).toBeNull()
  })
})
