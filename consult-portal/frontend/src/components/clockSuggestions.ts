// Suggested legal clocks in the ticket view (issue 22): the server says which types the ticket suggests
// and which dates its question gives; staff confirm with a trigger date they may change, or dismiss.

export interface DateInText {
  date?: string
  precision?: string
  phrase?: string
}

export interface Suggested {
  type?: string
  name?: string
  triggerDate?: string
  datesInText?: DateInText[]
}

/** The trigger date each suggestion starts with: the proposed one, or empty for staff to pick. */
export function initialTriggers(suggestions: Suggested[]): Record<string, string> {
  return Object.fromEntries(suggestions.map((s) => [s.type ?? '', s.triggerDate ?? '']))
}

/** A date of the question as a choice: "“3月5号” 2026-03-05", a month only marked for checking. */
export function dateChoiceLabel(d: DateInText): string {
  return `“${d.phrase ?? ''}” ${d.date ?? ''}${d.precision === 'MONTH' ? '（只写到月，请核实具体日期）' : ''}`
}

/**
 * Whether to offer the question's dates as choices: when there is more than one, or when the proposed date
 * is not the text's (the citizen gave their own in the ask form, 市民填写), so staff can take the text's instead.
 */
export function offersDates(s: Suggested): boolean {
  const dates = s.datesInText ?? []
  return dates.length > 1 || (dates.length === 1 && dates[0].date !== s.triggerDate)
}

/** What confirming does, or why it cannot yet. */
export function confirmProblem(triggerDate: string, today: string): string {
  if (!triggerDate) return '请选择起算事件发生之日'
  if (triggerDate > today) return '起算日不能晚于今天'
  return ''
}

export function dismissText(name: string): string {
  return `不采用“${name}”的建议？该工单将不再建议此期限，需要时仍可手动添加。`
}
