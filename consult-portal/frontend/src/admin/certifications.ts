import { nameOf } from '@/names'

export interface ApplicantLike {
  status?: string
  businessTypes?: string[]
  categories?: string[]
  validUntil?: string | null
}

/** What an administrator may decide on an application in each state (the server enforces the same). */
export function decisionsFor(status: string | undefined): ('approve' | 'reject' | 'suspend' | 'revoke')[] {
  switch (status) {
    case 'APPLIED': return ['approve', 'reject', 'revoke']
    case 'CERTIFIED': return ['approve', 'suspend', 'revoke']
    case 'SUSPENDED': return ['approve', 'revoke']
    default: return []
  }
}

export const DECISION_LABELS = { approve: '批准', reject: '驳回', suspend: '暂停', revoke: '撤销' } as const

const DECIDED: Record<string, string> = { APPROVED: '批准', REJECTED: '驳回', SUSPENDED: '暂停', REVOKED: '撤销' }

/** A past decision by name (批准 / 驳回 …), never its code. */
export function decisionName(code: string | null | undefined): string {
  return (code && DECIDED[code]) || '其他'
}

/** The fields of law the applicant asked for, by name: business types, then categories. */
export function fieldsOf(a: ApplicantLike): string {
  return [...(a.businessTypes ?? []).map((b) => nameOf('BusinessType', b)),
    ...(a.categories ?? []).map((c) => nameOf('LegalCategory', c))].join('、')
}

/** A year from today, the usual term of a certificate, as the date picker wants it. */
export function defaultValidUntil(today: Date = new Date()): string {
  const d = new Date(today)
  d.setFullYear(d.getFullYear() + 1)
  return d.toISOString().slice(0, 10)
}

/** "已过期" or "剩余 N 天" for a certificate's last day, counted in whole days. */
export function expiry(validUntil: string | null | undefined, today: Date = new Date()): string {
  if (!validUntil) return ''
  const days = Math.round((Date.parse(validUntil) - Date.parse(today.toISOString().slice(0, 10))) / 86_400_000)
  return days < 0 ? '已过期' : `剩余 ${days} 天`
}

/** Why a decision needs asking first: suspending and revoking stop a consultant's work at once. */
export function confirmText(decision: 'suspend' | 'revoke', name: string): string {
  return decision === 'revoke'
    ? `撤销后“${name}”不能再认领和答复问题，也不能重新申请。确定撤销吗？`
    : `暂停后“${name}”暂时不能认领和答复问题，之后可以重新批准。确定暂停吗？`
}
