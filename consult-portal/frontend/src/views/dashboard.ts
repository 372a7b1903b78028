// Formatting the dashboard's raw figures (GET /api/v1/staff/dashboard) as people read them, the same
// way the server's CSV and Excel exports do (DashboardTable), so screen and file never disagree.

/** One group's figures (DashboardApiController.DashboardRow): rates 0–1 and times in seconds, null without data. */
export interface Figures {
  key: string
  label: string
  received: number
  answered: number
  answeredRate?: number | null
  medianResponseSeconds?: number | null
  p90ResponseSeconds?: number | null
  handedOver: number
  deadlineCompliance?: number | null
  satisfaction?: number | null
}

export interface Dashboard {
  period: string
  periodName: string
  total: Figures
  figures: { label: string; value: string }[]
  tables: { dimension: string; dimensionName: string; rows: Figures[] }[]
}

export const NO_DATA = '暂无数据'

export const COLUMNS: { title: string; cell: (f: Figures) => string }[] = [
  { title: '受理量', cell: (f) => String(f.received) },
  { title: '已答复', cell: (f) => String(f.answered) },
  { title: '答复率', cell: (f) => percent(f.answeredRate) },
  { title: '首次响应用时（中位）', cell: (f) => duration(f.medianResponseSeconds) },
  { title: '首次响应用时（九成以内）', cell: (f) => duration(f.p90ResponseSeconds) },
  { title: '超24小时转外包', cell: (f) => String(f.handedOver) },
  { title: '按时答复率', cell: (f) => percent(f.deadlineCompliance) },
  { title: '满意率', cell: (f) => percent(f.satisfaction) },
]

/** 0.4167 → "41.7%"; no data → 暂无数据. */
export function percent(rate: number | null | undefined): string {
  return rate == null ? NO_DATA : `${(rate * 100).toFixed(1)}%`
}

/** Seconds → "25分钟" under an hour, else "1.5小时"; no data → 暂无数据. */
export function duration(seconds: number | null | undefined): string {
  if (seconds == null) return NO_DATA
  const s = Math.round(seconds)
  return s < 3600 ? `${Math.floor(s / 60)}分钟` : `${(s / 3600).toFixed(1)}小时`
}

/** The answered rate as a chart value in percent, one decimal; null where there is no data. */
export function ratePoint(rate: number | null | undefined): number | null {
  return rate == null ? null : Math.round(rate * 1000) / 10
}
