import type { LocationQuery } from 'vue-router'

/**
 * The queue's filters as the address holds them (short names, so a shared link stays readable),
 * and their translations to the list API's parameters and to saved views.
 */
export const FILTER_KEYS = ['region', 'businessType', 'channel', 'status', 'kind', 'unit', 'queue', 'deadline', 'legal',
  'assignee', 'q', 'sort', 'dir'] as const
export type FilterKey = (typeof FILTER_KEYS)[number]
export type QueueFilters = Record<FilterKey, string>

/** Address name → list API parameter (the names saved views keep). */
const API_NAMES: Record<FilterKey, string> = {
  region: 'regionCode', businessType: 'businessType', channel: 'channel', status: 'status', kind: 'kind',
  unit: 'handlingUnit', queue: 'queue', deadline: 'deadline', legal: 'legalDeadlineWithinDays', assignee: 'assignee',
  q: 'q', sort: 'sort', dir: 'direction',
}

export function emptyFilters(): QueueFilters {
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])) as QueueFilters
}

/** The filters of an address; without a region in it, the person's home province. */
export function filtersFromQuery(query: LocationQuery, homeRegion: string): QueueFilters {
  const filters = emptyFilters()
  for (const key of FILTER_KEYS) {
    const v = query[key]
    filters[key] = typeof v === 'string' ? v : ''
  }
  if (query.region === undefined) filters.region = homeRegion
  return filters
}

/** The address of the filters: the region always (an empty one means "all regions", not "home"). */
export function toQuery(filters: QueueFilters): Record<string, string> {
  const query: Record<string, string> = {}
  for (const key of FILTER_KEYS) {
    if (filters[key] || key === 'region') query[key] = filters[key]
  }
  return query
}

/** The list API's query for the filters; a handler's unit is implied by their account. */
export function listQuery(filters: QueueFilters, dispatches: boolean) {
  const v = (s: string) => s.trim() || undefined
  return {
    regionCode: v(filters.region), businessType: v(filters.businessType), channel: v(filters.channel),
    status: v(filters.status), kind: v(filters.kind), handlingUnit: dispatches ? v(filters.unit) : undefined,
    queue: v(filters.queue), deadline: v(filters.deadline),
    legalDeadlineWithinDays: filters.legal ? Number(filters.legal) : undefined,
    assignee: v(filters.assignee), q: v(filters.q), sort: v(filters.sort), direction: v(filters.dir),
  }
}

/** Table column (its prop) → the server's sort column. */
export const SORT_COLUMNS: Record<string, string> = {
  number: 'number', businessTypeName: 'businessType', channel: 'channel', regionName: 'region',
  unit: 'handlingUnit', statusName: 'status', dueAt: 'dueAt', createdAt: 'createdAt', legalDeadline: 'legalDeadline',
}

export type TableOrder = 'ascending' | 'descending' | null

/** A click on a header: the filters with that order (none clears it back to the deadline order). */
export function withSort(filters: QueueFilters, prop: string, order: TableOrder): QueueFilters {
  const column = SORT_COLUMNS[prop]
  if (!column || !order) return { ...filters, sort: '', dir: '' }
  return { ...filters, sort: column, dir: order === 'descending' ? 'desc' : 'asc' }
}

/** The header the table marks as sorted, for the filters' order. */
export function tableSort(filters: QueueFilters): { prop: string; order: 'ascending' | 'descending' } | undefined {
  const prop = Object.keys(SORT_COLUMNS).find((p) => SORT_COLUMNS[p] === filters.sort)
  return prop ? { prop, order: filters.dir === 'desc' ? 'descending' : 'ascending' } : undefined
}

/** A saved view keeps the list API's parameter names, so it means the same to every client. */
export function toViewFilters(filters: QueueFilters): Record<string, string> {
  const saved: Record<string, string> = {}
  for (const key of FILTER_KEYS) {
    if (filters[key]) saved[API_NAMES[key]] = filters[key]
  }
  return saved
}

export function fromViewFilters(saved: Record<string, string> | undefined): QueueFilters {
  const filters = emptyFilters()
  for (const key of FILTER_KEYS) {
    filters[key] = saved?.[API_NAMES[key]] ?? ''
  }
  return filters
}

/** Whether two sets of filters show the same queue (the saved view picker marks the one in use). */
export function sameFilters(a: QueueFilters, b: QueueFilters): boolean {
  return FILTER_KEYS.every((k) => (a[k] ?? '') === (b[k] ?? ''))
}

export const VIEW_NAME_MAX = 40

/** What is wrong with a view name, in Chinese, or '' when it is fine. */
export function viewNameError(name: string): string {
  const trimmed = name.trim()
  if (!trimmed) return '请填写视图名称'
  if ([...trimmed].length > VIEW_NAME_MAX) return `名称不能超过${VIEW_NAME_MAX}个字`
  return ''
}

export type BulkAction = 'REASSIGN' | 'CLOSE' | 'ASSIGN'
const ACTION_NAMES: Record<BulkAction, string> = { REASSIGN: '转派', CLOSE: '办结', ASSIGN: '指派' }

export interface BulkResult {
  number?: string
  ok?: boolean
  problem?: { detail?: string } | null
}

/** The outcome of a bulk action in a sentence, and each failure with its reason. */
export function bulkSummary(action: BulkAction, results: BulkResult[]): { text: string; failures: string[]; allOk: boolean } {
  const verb = ACTION_NAMES[action]
  const done = results.filter((r) => r.ok).length
  const failed = results.filter((r) => !r.ok)
  const text = failed.length === 0 ? `已${verb} ${done} 件工单`
    : done === 0 ? `${failed.length} 件工单均未能${verb}` : `已${verb} ${done} 件工单，${failed.length} 件未能${verb}`
  return {
    text,
    failures: failed.map((r) => `${r.number}：${r.problem?.detail ?? '处理失败'}`),
    allOk: failed.length === 0,
  }
}

/** A reason for a reassignment: 2 to 2000 characters, as the server checks it. */
export function reasonError(reason: string): string {
  const length = [...reason.trim()].length
  if (length < 2) return '请填写理由，至少2个字'
  if (length > 2000) return '理由不能超过2000个字'
  return ''
}

/** What a card's second line says about a row: business type, channel and region, by the names the server sends. */
export function rowFacts(row: { businessTypeName?: string; channelName?: string; regionName?: string }): string {
  return [row.businessTypeName, row.channelName, row.regionName].filter((s) => !!s).join(' · ')
}
