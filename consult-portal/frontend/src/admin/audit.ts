import type { LocationQuery } from 'vue-router'
import { nameOf } from '@/names'

/** The audit log's filters as the URL keeps them, so reload and back show the same entries. */
export interface AuditFilters {
  actor: string
  ticket: string
  action: string
  from: string
  to: string
  cursor: string
}

export const PAGE_SIZE = 50
const KEYS: (keyof AuditFilters)[] = ['actor', 'ticket', 'action', 'from', 'to', 'cursor']

export function filtersFromQuery(query: LocationQuery): AuditFilters {
  const one = (k: string) => {
    const v = query[k]
    return typeof v === 'string' ? v : ''
  }
  return { actor: one('actor'), ticket: one('ticket'), action: one('action'), from: one('from'), to: one('to'), cursor: one('cursor') }
}

/** Only the filters set; ticket numbers are matched as the server stores them (upper case). */
export function filtersToQuery(f: AuditFilters): Record<string, string> {
  const query: Record<string, string> = {}
  for (const k of KEYS) {
    const v = k === 'ticket' ? f[k].trim().toUpperCase() : f[k].trim()
    if (v) query[k] = v
  }
  return query
}

export function apiQuery(f: AuditFilters): Record<string, string | number> {
  return { ...filtersToQuery(f), limit: PAGE_SIZE }
}

const ROLES: Record<string, string> = { SYSTEM: '系统', CITIZEN: '市民', UNKNOWN: '未知' }

/** Who acted, by name: staff roles from the shared names, the system and citizens by word. */
export function roleName(code: string | null | undefined): string {
  if (!code) return ''
  return ROLES[code] ?? nameOf('StaffRole', code)
}

/** The person an actor account stands for; the system and citizens are not accounts. */
export function actorName(actor: string | null | undefined): string {
  if (actor === 'system' || !actor) return '系统'
  if (actor === 'citizen') return '市民'
  return actor
}

export function actionName(code: string | null | undefined): string {
  return nameOf('AuditAction', code)
}

/**
 * An entry's detail as people read it: the routing trail prefixes its own action code
 * ("UNIT_DEACTIVATE 停用承办单位 …", "DEPLOY …"), which the action's name already says.
 */
export function readableDetail(detail: string | null | undefined): string {
  return (detail ?? '').replace(/^[A-Z][A-Z_]{2,}\s+/, '')
}

const stamp = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  second: '2-digit', hour12: false,
})

/** 2026-12-06 09:30:15 in Beijing time: an audit entry is read to the second. */
export function auditTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const p = Object.fromEntries(stamp.formatToParts(new Date(iso)).map((x) => [x.type, x.value]))
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`
}
