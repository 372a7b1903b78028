import { describe, expect, it } from 'vitest'
import {
  bulkSummary, emptyFilters, filtersFromQuery, fromViewFilters, listQuery, reasonError, rowFacts, sameFilters,
  tableSort, toQuery, toViewFilters, viewNameError, withSort,
} from './queue'

describe('the queue\'s address', () => {
  it('keeps filters, search and order, and starts in the home province only without a region', () => {
    const filters = filtersFromQuery({ q: 'gd2026', sort: 'createdAt', dir: 'desc', deadline: 'OVERDUE' }, '440000')
    expect(filters.region).toBe('440000')
    expect(toQuery(filters)).toEqual({ region: '440000', q: 'gd2026', sort: 'createdAt', dir: 'desc', deadline: 'OVERDUE' })
    expect(filtersFromQuery({ region: '' }, '440000').region).toBe('')
    expect(filtersFromQuery({ q: ['a', 'b'] }, '').q).toBe('')
  })

  it('asks the server with its parameter names, the unit only for dispatchers', () => {
    const filters = { ...emptyFilters(), unit: 'GD-4401-LEGAL-AID', legal: '30', q: '  欠薪 ', assignee: 'me', dir: 'desc', sort: 'number' }
    expect(listQuery(filters, true)).toMatchObject({ handlingUnit: 'GD-4401-LEGAL-AID', legalDeadlineWithinDays: 30, q: '欠薪',
      assignee: 'me', sort: 'number', direction: 'desc' })
    expect(listQuery(filters, false).handlingUnit).toBeUndefined()
    expect(listQuery(emptyFilters(), true).q).toBeUndefined()
  })
})

describe('sorting by the headers', () => {
  it('turns a header click into the server\'s column and back', () => {
    const sorted = withSort(emptyFilters(), 'unit', 'descending')
    expect(sorted).toMatchObject({ sort: 'handlingUnit', dir: 'desc' })
    expect(tableSort(sorted)).toEqual({ prop: 'unit', order: 'descending' })
    expect(withSort(sorted, 'unit', null)).toMatchObject({ sort: '', dir: '' })
    expect(withSort(sorted, 'legalDeadline', 'ascending')).toMatchObject({ sort: 'legalDeadline', dir: 'asc' })
    expect(withSort(sorted, 'subject', 'ascending')).toMatchObject({ sort: '', dir: '' })
    expect(tableSort(emptyFilters())).toBeUndefined()
  })
})

describe('saved views', () => {
  it('keep the list API\'s names and come back as the same filters', () => {
    const filters = { ...emptyFilters(), region: '440100', businessType: 'LEGAL_AID', deadline: 'OVERDUE', dir: 'desc', sort: 'createdAt' }
    const saved = toViewFilters(filters)
    expect(saved).toEqual({ regionCode: '440100', businessType: 'LEGAL_AID', deadline: 'OVERDUE', sort: 'createdAt', direction: 'desc' })
    expect(sameFilters(fromViewFilters(saved), filters)).toBe(true)
    expect(sameFilters(fromViewFilters(saved), { ...filters, q: '工资' })).toBe(false)
  })

  it('need a name of 1 to 40 characters', () => {
    expect(viewNameError('  ')).toBe('请填写视图名称')
    expect(viewNameError('广'.repeat(40))).toBe('')
    expect(viewNameError('广'.repeat(41))).toBe('名称不能超过40个字')
  })
})

describe('bulk results', () => {
  it('say in Chinese what was done and why the rest was not', () => {
    const summary = bulkSummary('CLOSE', [
      { number: 'GD20261207-000001', ok: true },
      { number: 'GD20261207-000002', ok: false, problem: { detail: '工单当前状态为「已办结」，不能办结' } },
      { number: 'GD20261207-000003', ok: false, problem: null },
    ])
    expect(summary.text).toBe('已办结 1 件工单，2 件未能办结')
    expect(summary.failures).toEqual(['GD20261207-000002：工单当前状态为「已办结」，不能办结', 'GD20261207-000003：处理失败'])
    expect(summary.allOk).toBe(false)
    expect(bulkSummary('ASSIGN', [{ number: 'a', ok: true }]).text).toBe('已指派 1 件工单')
    expect(bulkSummary('REASSIGN', [{ number: 'a', ok: false }]).text).toBe('1 件工单均未能转派')
  })

  it('need a reason of 2 characters or more for a reassignment', () => {
    expect(reasonError(' 转 ')).toBe('请填写理由，至少2个字')
    expect(reasonError('当事人在深圳')).toBe('')
  })
})

describe('a row as the server names it', () => {
  it('shows the names the server sends, leaving out those it has not', () => {
    expect(rowFacts({ businessTypeName: '法律援助', channelName: '12348热线', regionName: '广东省广州市天河区' }))
      .toBe('法律援助 · 12348热线 · 广东省广州市天河区')
    expect(rowFacts({ businessTypeName: '法律援助', regionName: '广东省广州市' })).toBe('法律援助 · 广东省广州市')
  })
})
