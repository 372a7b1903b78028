import { describe, expect, it } from 'vitest'
import { actionName, actorName, apiQuery, auditTime, filtersFromQuery, filtersToQuery, readableDetail, roleName } from './audit'

describe('audit log filters', () => {
  it('keep only what is set, with the ticket number upper-cased, and survive the URL round trip', () => {
    const f = filtersFromQuery({ ticket: 'gd20261128-000001 ', action: 'TICKET_VIEWED', actor: '', page: ['x'] })
    expect(filtersToQuery(f)).toEqual({ ticket: 'GD20261128-000001', action: 'TICKET_VIEWED' })
    expect(filtersFromQuery(filtersToQuery(f)).ticket).toBe('GD20261128-000001')
    expect(apiQuery({ ...f, cursor: 'abc' })).toMatchObject({ cursor: 'abc', limit: 50 })
  })
})

describe('audit log names', () => {
  it('show actions and roles in Chinese, never their codes', () => {
    expect(actionName('TICKET_VIEWED')).toBe('查看工单详情')
    expect(actionName('CITIZEN_ERASURE_REQUESTED')).toBe('市民申请删除个人信息')
    expect(actionName('SOMETHING_NEW')).toBe('其他')
    expect(roleName('DISPATCHER')).toBe('调度员')
    expect(roleName('SYSTEM')).toBe('系统')
    expect(roleName('CITIZEN')).toBe('市民')
    expect(actorName('system')).toBe('系统')
    expect(actorName('handler-gz')).toBe('handler-gz')
  })

  it('read times to the second in Beijing time', () => {
    expect(auditTime('2026-12-06T01:30:15Z')).toBe('2026-12-06 09:30:15')
  })
})

describe('audit log details', () => {
  it('leave out the action code the routing trail puts first', () => {
    expect(readableDetail('UNIT_DEACTIVATE 停用承办单位 云浮市临时承办点')).toBe('停用承办单位 云浮市临时承办点')
    expect(readableDetail('发布文章 kb-1')).toBe('发布文章 kb-1')
    expect(readableDetail(null)).toBe('')
  })
})
