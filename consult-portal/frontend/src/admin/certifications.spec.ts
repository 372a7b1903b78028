import { describe, expect, it } from 'vitest'
import { confirmText, decisionName, decisionsFor, defaultValidUntil, expiry, fieldsOf } from './certifications'

describe('certification review', () => {
  it('offers the decisions each state allows', () => {
    expect(decisionsFor('APPLIED')).toEqual(['approve', 'reject', 'revoke'])
    expect(decisionsFor('CERTIFIED')).toContain('suspend')
    expect(decisionsFor('REVOKED')).toEqual([])
  })

  it('names fields and decisions instead of codes', () => {
    expect(fieldsOf({ businessTypes: ['LEGAL_CONSULTATION'], categories: ['LABOR'] })).not.toMatch(/[A-Z_]{3,}/)
    expect(decisionName('APPROVED')).toBe('批准')
    expect(decisionName('SOMETHING')).toBe('其他')
  })

  it('counts the certificate down in days and proposes a year', () => {
    const today = new Date('2026-12-07T08:00:00Z')
    expect(expiry('2026-12-17', today)).toBe('剩余 10 天')
    expect(expiry('2026-12-01', today)).toBe('已过期')
    expect(defaultValidUntil(today)).toBe('2027-12-07')
  })

  it('says what suspending and revoking do before they are done', () => {
    expect(confirmText('revoke', '王律师')).toContain('不能重新申请')
    expect(confirmText('suspend', '王律师')).toContain('可以重新批准')
  })
})
