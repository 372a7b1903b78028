import { describe, expect, it } from 'vitest'
import { confirmText, eventChoices } from './clockEvents'

describe('legal clock events', () => {
  it('offers interruption or suspension on a running period, resumption only on a suspended one', () => {
    expect(eventChoices('DUE').map((c) => c.kind)).toEqual(['INTERRUPTION', 'SUSPENSION'])
    expect(eventChoices(undefined).map((c) => c.kind)).toEqual(['INTERRUPTION', 'SUSPENSION'])
    expect(eventChoices('SUSPENDED').map((c) => c.kind)).toEqual(['RESUMPTION', 'INTERRUPTION'])
  })

  it('says what will be recorded and what it does before it is', () => {
    const [interruption] = eventChoices('DUE')
    expect(confirmText(interruption!, '劳动仲裁申请期限', '2027-01-05'))
      .toBe('为“劳动仲裁申请期限”记录时效中断（2027-01-05）？期间从中断之日起重新计算（如权利人提出请求、义务人同意履行、提起诉讼或申请仲裁）。记录后不能撤销。')
  })
})
