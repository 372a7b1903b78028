const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  hour12: false,
})

/** 2026-12-06 09:30, in the centre's time zone (Beijing time). */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const parts = Object.fromEntries(dateTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]))
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
}

/** "剩余 3小时12分" / "已超时 2天3小时": what is left until a deadline, in words. */
export function countdown(dueIso: string | null | undefined, now: number): { text: string; overdue: boolean; soon: boolean } {
  if (!dueIso) return { text: '', overdue: false, soon: false }
  const left = new Date(dueIso).getTime() - now
  const overdue = left < 0
  const text = (overdue ? '已超时 ' : '剩余 ') + span(Math.abs(left))
  return { text, overdue, soon: !overdue && left < 2 * 3600_000 }
}

function span(ms: number): string {
  const minutes = Math.floor(ms / 60_000)
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  if (days > 0) return `${days}天${hours}小时`
  if (hours > 0) return `${hours}小时${String(mins).padStart(2, '0')}分`
  const seconds = Math.floor((ms % 60_000) / 1000)
  return `${mins}分${String(seconds).padStart(2, '0')}秒`
}

/**
 * "24小时无人答复转外包": the hand-over's label, in the hours of the window the server counts down to
 * (its answer window setting), so a centre that configures 48 hours does not read "24" here.
 */
export function handOverLabel(row: { createdAt?: string; handOverAt?: string }): string {
  if (!row.createdAt || !row.handOverAt) return '无人答复转外包'
  const hours = Math.round((Date.parse(row.handOverAt) - Date.parse(row.createdAt)) / 3600_000)
  return hours > 0 ? `${hours}小时无人答复转外包` : '无人答复转外包'
}

/**
 * "2027年3月15日（还剩98天）": a citizen's legal deadline (a day in China's calendar) and the days left
 * from today in Beijing.
 */
export function legalDeadline(day: string | null | undefined, now: number): {
  text: string; date: string; left: string; soon: boolean
} {
  if (!day) return { text: '', date: '', left: '', soon: false }
  const [y, m, d] = day.split('-').map(Number)
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(now))
  const days = Math.round((Date.UTC(y, m - 1, d) - Date.parse(today + 'T00:00:00Z')) / 86_400_000)
  const date = `${y}年${m}月${d}日`
  const left = days === 0 ? '今天截止' : '还剩' + days + '天'
  return { text: `${date}（${left}）`, date, left, soon: days <= 7 }
}
