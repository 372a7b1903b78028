import type { Problem } from '@/api/problems'

// The holiday calendar editor's rules (issue 22), kept out of the page so vitest checks them: the
// server checks the same and names the same fields (status, source, days[3].date …).

export type DayKind = 'HOLIDAY' | 'WORKDAY'

export interface DayRow {
  date: string
  kind: DayKind
  name: string
}

export interface YearForm {
  status: string
  source: string
  days: DayRow[]
}

export const KIND_NAMES: Record<DayKind, string> = { HOLIDAY: '放假', WORKDAY: '调休上班' }
export const STATUS_NAMES: Record<string, string> = { OFFICIAL: '正式（按国务院通知）', PROVISIONAL: '暂定（通知尚未发布）' }
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
const MAX_RANGE = 31

/** 2027-02-06 as a date at noon UTC: no time zone turns it into another day. */
function day(iso: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null
  const d = new Date(`${iso}T12:00:00Z`)
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : d
}

export function weekday(iso: string): string {
  const d = day(iso)
  return d ? WEEKDAYS[d.getUTCDay()]! : ''
}

function isWeekend(iso: string): boolean {
  const d = day(iso)
  return d !== null && (d.getUTCDay() === 0 || d.getUTCDay() === 6)
}

/** 2027年2月6日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** Every field the server would refuse, keyed as it names them, before anything is sent. */
export function checkYear(year: number, form: YearForm): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!STATUS_NAMES[form.status]) errors.status = '请选择状态'
  const source = form.source.trim()
  if (!source || source.length > 200) errors.source = '请填写依据（如国务院办公厅通知的名称），不超过200字'
  const seen = new Map<string, number>()
  form.days.forEach((row, i) => {
    const at = `days[${i}]`
    if (!day(row.date)) {
      errors[`${at}.date`] = `第${i + 1}行：请选择日期`
      return
    }
    if (Number(row.date.slice(0, 4)) !== year) {
      errors[`${at}.date`] = `第${i + 1}行：${chineseDate(row.date)}不在${year}年`
      return
    }
    const first = seen.get(row.date)
    if (first !== undefined) {
      errors[`${at}.date`] = `第${i + 1}行：${chineseDate(row.date)}与第${first + 1}行重复`
      return
    }
    seen.set(row.date, i)
    if (row.kind === 'WORKDAY' && !isWeekend(row.date)) {
      errors[`${at}.date`] = `第${i + 1}行：调休上班日应为星期六或星期日，${chineseDate(row.date)}本来就是工作日`
    }
    if (row.name.trim().length > 40) errors[`${at}.name`] = `第${i + 1}行：名称不超过40字`
  })
  return errors
}

/** The server's refusal, every broken rule under the field it names (the form's top for the rest). */
export function problemsByField(problem: Problem): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const e of problem.errors ?? (problem.field ? [{ field: problem.field, message: problem.detail ?? '' }] : [])) {
    errors[e.field] ??= e.message
  }
  if (Object.keys(errors).length === 0) errors._form = problem.detail ?? '保存失败'
  return errors
}

/** A run of holidays typed once (春节 2月6日至12日) as one row per day; at most a month. */
export function expandRange(from: string, to: string, kind: DayKind, name: string): DayRow[] {
  const first = day(from)
  const last = day(to)
  if (!first || !last || last < first) return []
  const rows: DayRow[] = []
  for (let d = first; d <= last && rows.length < MAX_RANGE; d = new Date(d.getTime() + 86_400_000)) {
    rows.push({ date: d.toISOString().slice(0, 10), kind, name: name.trim() })
  }
  return rows
}

/** Adds rows, leaving out dates the form already has; the list stays in date order. */
export function addRows(days: DayRow[], added: DayRow[]): DayRow[] {
  const have = new Set(days.map((d) => d.date))
  return sortDays([...days, ...added.filter((d) => !have.has(d.date))])
}

export function sortDays(days: DayRow[]): DayRow[] {
  return [...days].sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999'))
}

/**
 * What saving takes away from the arrangement in use, said before it is done:
 * "将取消放假 1月11日、1月12日；取消调休上班 2月7日". Empty when nothing is taken away.
 */
export function removalNotice(before: DayRow[], after: DayRow[]): string {
  const kept = new Set(after.map((d) => `${d.kind}:${d.date}`))
  const parts: string[] = []
  for (const kind of ['HOLIDAY', 'WORKDAY'] as DayKind[]) {
    const gone = before.filter((d) => d.kind === kind && !kept.has(`${kind}:${d.date}`))
      .map((d) => `${Number(d.date.slice(5, 7))}月${Number(d.date.slice(8))}日`)
    if (gone.length) parts.push(`取消${KIND_NAMES[kind]} ${gone.join('、')}`)
  }
  return parts.length ? `保存后将${parts.join('；')}。` : ''
}

/** The draft kept over reloads: the year being edited and what was typed, as long as it differs from the saved year. */
export interface HolidayDraft {
  year: number
  form: YearForm
}

export function readDraft(text: string): HolidayDraft | null {
  try {
    const d = JSON.parse(text) as HolidayDraft
    return typeof d.year === 'number' && d.form && Array.isArray(d.form.days) ? d : null
  } catch {
    return null
  }
}
