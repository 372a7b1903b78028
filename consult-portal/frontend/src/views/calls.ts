// The call log page's logic: its filters as they live in the URL (so reload and back keep them) and
// as the API wants them, and the small formats of its table.

/** The filters of /calls, as typed in the form; empty strings mean "no filter". */
export interface CallFilters {
  tab: 'all' | 'missed' | 'callbacks'
  fromDate: string // yyyy-mm-dd, Beijing date
  toDate: string // yyyy-mm-dd inclusive
  phone: string
  region: string
  queue: string
  agent: string
  outcome: string
  hasRecording: '' | 'true' | 'false'
  page: number
}

/** What the missed-calls tab lists: callers who reached nobody (hung up in the menu or the queue). */
export const MISSED_OUTCOMES = 'MISSED,ABANDONED'
export const PAGE_SIZE = 20
const DAY = /^\d{4}-\d{2}-\d{2}$/

export function emptyFilters(): CallFilters {
  return { tab: 'all', fromDate: '', toDate: '', phone: '', region: '', queue: '', agent: '', outcome: '',
    hasRecording: '', page: 0 }
}

type Query = Record<string, string | null | (string | null)[] | undefined>

function one(value: Query[string]): string {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' ? v : ''
}

/** The filters a URL's query holds; anything malformed there is dropped rather than sent. */
export function filtersFromQuery(query: Query): CallFilters {
  const f = emptyFilters()
  const tab = one(query.tab)
  f.tab = tab === 'missed' || tab === 'callbacks' ? tab : 'all'
  f.fromDate = DAY.test(one(query.from)) ? one(query.from) : ''
  f.toDate = DAY.test(one(query.to)) ? one(query.to) : ''
  f.phone = one(query.phone)
  f.region = /^\d{6}$/.test(one(query.region)) ? one(query.region) : ''
  f.queue = one(query.queue)
  f.agent = one(query.agent)
  f.outcome = one(query.outcome)
  const rec = one(query.rec)
  f.hasRecording = rec === 'true' || rec === 'false' ? rec : ''
  const page = Number(one(query.page))
  f.page = Number.isInteger(page) && page > 0 ? page : 0
  return f
}

/** The query to put in the URL: only the filters set, so a plain /calls stays plain. */
export function filtersToQuery(f: CallFilters): Record<string, string> {
  const q: Record<string, string> = {}
  if (f.tab !== 'all') q.tab = f.tab
  if (f.fromDate) q.from = f.fromDate
  if (f.toDate) q.to = f.toDate
  if (f.phone.trim()) q.phone = f.phone.trim()
  if (f.region) q.region = f.region
  if (f.queue) q.queue = f.queue
  if (f.agent.trim()) q.agent = f.agent.trim()
  if (f.outcome) q.outcome = f.outcome
  if (f.hasRecording) q.rec = f.hasRecording
  if (f.page > 0) q.page = String(f.page)
  return q
}

/** Midnight at the start of a Beijing date, as the instant the API takes (Beijing has no DST: UTC+8). */
export function beijingMidnight(day: string, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + plusDays) - 8 * 3600_000).toISOString().replace('.000Z', 'Z')
}

/** The API's query parameters for the call log list (the callbacks tab uses its own endpoint). */
export function apiQuery(f: CallFilters): Record<string, string | number> {
  const q: Record<string, string | number> = { page: f.page, limit: PAGE_SIZE }
  if (f.fromDate) q.from = beijingMidnight(f.fromDate)
  if (f.toDate) q.to = beijingMidnight(f.toDate, 1)
  if (f.fromDate && !f.toDate) q.to = beijingMidnight(f.fromDate, 366)
  if (f.phone.trim()) q.phone = f.phone.trim()
  if (f.region) q.region = f.region
  if (f.queue) q.queue = f.queue
  if (f.agent.trim()) q.agent = f.agent.trim()
  if (f.tab === 'missed') q.outcome = MISSED_OUTCOMES
  else if (f.outcome) q.outcome = f.outcome
  if (f.hasRecording) q.hasRecording = f.hasRecording
  return q
}

/** 75 → "1分15秒"; null → "". */
export function seconds(value: number | null | undefined): string {
  if (value == null) return ''
  const m = Math.floor(value / 60)
  const s = value % 60
  return m > 0 ? `${m}分${String(s).padStart(2, '0')}秒` : `${s}秒`
}

/** The attempts of a callback, one line each, as the server wrote them ("第1次（…）：…"). */
export function attemptLines(history: string | null | undefined): string[] {
  return (history ?? '').split('\n').map((l) => l.trim()).filter((l) => l.length > 0)
}

/** The recording's address for the <audio> element: the browser asks it for byte ranges. */
export function recordingUrl(callId: string): string {
  return `/api/v1/staff/calls/${encodeURIComponent(callId)}/recording`
}
