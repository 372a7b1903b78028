import { describe, expect, it } from 'vitest'
import { chineseNumber, citationOf, insertAt, plainSnippet, statuteQuery } from './citations'
import { checkRegistration, emptyRegistration, fieldErrors, registrationBody } from './registration'
import { explainPoints, signed } from './points'

describe('statute citations', () => {
  it('writes article numbers as the statutes do', () => {
    expect([1, 10, 11, 20, 30, 105, 110, 215, 1000, 1079, 1260].map(chineseNumber)).toEqual([
      '一', '十', '十一', '二十', '三十', '一百零五', '一百一十', '二百一十五', '一千', '一千零七十九', '一千二百六十'])
  })

  it('turns what is typed into the statute text looked up', () => {
    expect(statuteQuery(' 民法典 第1079条 ')).toBe('民法典第一千零七十九条')
    expect(statuteQuery('劳动合同法30条')).toBe('劳动合同法第三十条')
    expect(statuteQuery('劳动合同法第三十条')).toBe('劳动合同法第三十条')
  })

  it('cites a statute by law and article', () => {
    expect(citationOf({ law: '中华人民共和国劳动合同法', article: '第三十条', citation: 'x' })).toBe('《中华人民共和国劳动合同法》第三十条')
    expect(citationOf({ citation: '民法典第一条' })).toBe('民法典第一条')
  })

  it('inserts on a line of its own at the cursor', () => {
    expect(insertAt('', '条文', null)).toBe('条文')
    expect(insertAt('您好。', '条文', null)).toBe('您好。\n条文')
    expect(insertAt('您好。建议仲裁。', '条文', 3)).toBe('您好。\n条文\n建议仲裁。')
  })

  it('shows search snippets as text, not markup', () => {
    expect(plainSnippet('拖欠<em>工资</em> &lt;b&gt; &amp;')).toBe('拖欠工资 <b> &')
  })
})

describe('the sign-up form', () => {
  it('names every missing or malformed field before sending', () => {
    const errors = checkRegistration({ ...emptyRegistration(), username: 'Zhang', password: 'short' })
    expect(Object.keys(errors).sort()).toEqual(
      ['businessTypes', 'displayName', 'licenceNumber', 'password', 'qualification', 'regionCode', 'username'])
  })

  it('sends a complete form as the API wants it', () => {
    const form = { ...emptyRegistration(), displayName: ' 张律师 ', username: 'lawyer-zhang', password: 'demo12348',
      qualification: 'PRACTISING_LAWYER', licenceNumber: '14401201810123456', regionCode: '440100',
      businessTypes: ['LEGAL_CONSULTATION'], categories: ['LABOR'] }
    expect(checkRegistration(form)).toEqual({})
    expect(registrationBody(form)).toEqual({ username: 'lawyer-zhang', password: 'demo12348', displayName: '张律师', documentIds: [],
      application: { qualification: 'PRACTISING_LAWYER', licenceNumber: '14401201810123456', regionCode: '440100',
        businessTypes: ['LEGAL_CONSULTATION'], categories: ['LABOR'], statement: undefined } })
  })

  it('puts each problem the server found on its field', () => {
    expect(fieldErrors({ field: 'username', detail: '该用户名不可用，请换一个' })).toEqual({ username: '该用户名不可用，请换一个' })
    expect(fieldErrors({ errors: [{ field: 'licenceNumber', message: '编号不对' }, { field: 'regionCode', message: '地区不对' }] }))
      .toEqual({ licenceNumber: '编号不对', regionCode: '地区不对' })
  })
})

describe('the points ledger', () => {
  it('explains every line in words and signs the amount', () => {
    expect(explainPoints('ACCEPTED_BONUS')).toContain('市民确认')
    expect(explainPoints('REVIEW_REVERSAL')).toContain('扣回')
    expect(explainPoints('SOMETHING_NEW')).toBe('积分调整')
    expect([signed(10), signed(-15), signed(0)]).toEqual(['+10', '-15', '0'])
  })
})
