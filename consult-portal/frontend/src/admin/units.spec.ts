import { describe, expect, it } from 'vitest'
import { checkUnit, deactivationNotice, emptyUnit, problemOnField, visibleUnits } from './units'

describe('unit form', () => {
  it('names every field the server would refuse, before sending', () => {
    const errors = checkUnit({ ...emptyUnit(), code: 'x', name: '坏', phone: '电话' }, true)
    expect(Object.keys(errors).sort()).toEqual(['code', 'name', 'phone', 'regionCode', 'type'])
    expect(errors.code).toBe('单位编码应为3到64位大写字母、数字或连字符')
  })

  it('accepts a lower-case code (the server upper-cases it) and ignores the code when editing', () => {
    const form = { code: 'gd-4453-t1', name: '云浮市临时承办点', type: 'PLATFORM_12348', regionCode: '445300', phone: '0766-12348',
      address: '', openingHours: '' }
    expect(checkUnit(form, true)).toEqual({})
    expect(checkUnit({ ...form, code: '' }, false)).toEqual({})
  })

  it('leaves the address and hours optional but refuses one too long or of one character', () => {
    const form = { ...emptyUnit(), name: '云浮市法律援助中心', type: 'LEGAL_AID_CENTER', regionCode: '445300' }
    expect(checkUnit({ ...form, address: '  ', openingHours: '' }, false)).toEqual({})
    expect(checkUnit({ ...form, address: '很'.repeat(201), openingHours: '周' }, false))
      .toEqual({ address: '地址应为2到200个字', openingHours: '办公时间应为2到100个字' })
    expect(checkUnit({ ...form, address: '很'.repeat(200), openingHours: '周一至周五 9:00-17:00' }, false)).toEqual({})
  })

  it('puts the server problem under the field it names, else at the top', () => {
    expect(problemOnField({ field: 'regionCode', detail: '地区代码不存在' }, ['code', 'regionCode']))
      .toEqual({ regionCode: '地区代码不存在' })
    expect(problemOnField({ detail: '系统繁忙' }, ['code'])).toEqual({ _form: '系统繁忙' })
  })
})

describe('deactivation', () => {
  it('says how many waiting tickets move and where, before anything is done', () => {
    const text = deactivationNotice({ name: '云浮市临时承办点', waitingTickets: 3 }, '云浮市12348公共法律服务平台')
    expect(text).toContain('3 件待办工单')
    expect(text).toContain('转给“云浮市12348公共法律服务平台”')
    expect(text).toContain('已答复的工单留在原单位')
  })

  it('says so when nothing moves', () => {
    expect(deactivationNotice({ name: '某单位', waitingTickets: 0 }, undefined)).toContain('没有待办工单')
  })
})

describe('unit list', () => {
  const units = [
    { name: '广州市法律援助中心', regionName: '广东省广州市', typeName: '法律援助中心', active: true },
    { name: '云浮市临时承办点', regionName: '广东省云浮市', typeName: '12348公共法律服务平台', active: false },
  ]
  it('hides deactivated units unless asked and searches names, regions and types', () => {
    expect(visibleUnits(units, '', false)).toHaveLength(1)
    expect(visibleUnits(units, '云浮', true)).toHaveLength(1)
    expect(visibleUnits(units, '法律援助', false).map((u) => u.name)).toEqual(['广州市法律援助中心'])
  })
})
