import { describe, expect, it } from 'vitest'
import names from './enum-names.json'
import { businessTypeChoices, businessTypeName, eventName, nameOf, statusHint, statusName, type EnumName } from './names'

const LATIN = /[A-Za-z]/

describe('what citizens read for the back end\'s values', () => {
  it('every known value reads as Chinese words, never as a code', () => {
    for (const kind of Object.keys(names) as EnumName[]) {
      for (const value of Object.keys(names[kind])) {
        const shown = nameOf(kind, value)
        expect(shown, `${kind}.${value}`).not.toMatch(LATIN)
        expect(shown.length, `${kind}.${value}`).toBeGreaterThan(0)
      }
    }
  })

  it('maps the ticket statuses to plain words', () => {
    expect(statusName('ROUTED')).toBe('等待受理')
    expect(statusName('IN_PROGRESS')).toBe('正在办理')
    expect(statusName('ANSWERED')).toBe('已答复')
    expect(statusName('CLOSED')).toBe('已办结')
    expect(statusHint('ANSWERED')).toContain('追问')
  })

  it('a value this build does not know still reads as words', () => {
    expect(statusName('SUSPENDED')).toBe('正在办理')
    expect(businessTypeName('NEW_SERVICE')).toBe('其他事项')
    expect(eventName(undefined)).toBe('办理进展')
  })

  it('offers all nine services, each once, with an explanation', () => {
    expect(businessTypeChoices.map((c) => c.code).sort()).toEqual(Object.keys(names.BusinessType).sort())
    businessTypeChoices.forEach((c) => {
      expect(c.name).not.toMatch(LATIN)
      expect(c.hint).not.toMatch(LATIN)
    })
  })
})
