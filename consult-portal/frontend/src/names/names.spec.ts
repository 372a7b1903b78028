import { describe, expect, it } from 'vitest'
import { actorName, choicesOf, nameOf, readableEntry } from './index'
import names from './enum-names.json'

describe('enum names', () => {
  it('names every status, channel, queue and role in Chinese', () => {
    expect(nameOf('TicketStatus', 'ROUTED')).toBe('待受理')
    expect(nameOf('Channel', 'WECHAT')).toBe('微信小程序')
    expect(nameOf('RoutingQueue', 'VOLUNTEER_POOL')).toBe('志愿者咨询池')
    expect(nameOf('StaffRole', 'UNIT_HANDLER')).toBe('承办人')
    expect(nameOf('DeadlineState', 'DUE_SOON')).toBe('2小时内到期')
  })

  it('never shows a code it does not know', () => {
    expect(nameOf('Channel', 'FAX')).toBe('其他')
    expect(nameOf('Channel', undefined)).toBe('')
  })

  it('has only Chinese names, no codes or Latin words', () => {
    for (const table of Object.values(names)) {
      for (const name of Object.values(table as Record<string, string>)) {
        expect(name).not.toMatch(/[A-Za-z_]{2,}/)
        expect(name).toMatch(/[\u4e00-\u9fff]/)
      }
    }
  })

  it('offers choices in the back end order with their names', () => {
    expect(choicesOf('TicketStatus').map((c) => c.label)).toEqual(['待受理', '办理中', '已答复', '已办结'])
  })

  it('names the citizen and the system instead of their account codes', () => {
    expect(actorName('citizen')).toBe('市民')
    expect(actorName('system')).toBe('系统')
    expect(actorName('dispatcher')).toBe('dispatcher')
  })
})

describe('timeline texts', () => {
  it('leave out the routing rule id the back end appends', () => {
    expect(readableEntry('分派至深圳市12348公共法律服务平台（志愿者咨询池），办理时限24小时，规则 R-4403-POOL'))
      .toBe('分派至深圳市12348公共法律服务平台（志愿者咨询池），办理时限24小时')
    expect(readableEntry('转派至深圳市法律援助中心：当事人在深圳务工')).toBe('转派至深圳市法律援助中心：当事人在深圳务工')
  })
})
