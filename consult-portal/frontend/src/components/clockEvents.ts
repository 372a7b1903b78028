// What can happen to a running legal period (LegalClock.EventKind on the server), in the words the staff
// read, and which of them make sense in the clock's present state: a suspended period can only be
// resumed or interrupted, a running one interrupted or suspended.

export interface EventChoice {
  kind: 'INTERRUPTION' | 'SUSPENSION' | 'RESUMPTION'
  label: string
  /** What recording it does to the deadline, said before the staff member confirms. */
  effect: string
}

const INTERRUPTION: EventChoice = {
  kind: 'INTERRUPTION', label: '时效中断',
  effect: '期间从中断之日起重新计算（如权利人提出请求、义务人同意履行、提起诉讼或申请仲裁）。',
}
const SUSPENSION: EventChoice = {
  kind: 'SUSPENSION', label: '时效中止',
  effect: '期间自中止之日起暂停计算，中止原因消除后继续计算（如不可抗力、无民事行为能力人没有法定代理人）。',
}
const RESUMPTION: EventChoice = {
  kind: 'RESUMPTION', label: '中止原因消除',
  effect: '期间从中止原因消除之日起继续计算。',
}

export function eventChoices(state: string | undefined): EventChoice[] {
  return state === 'SUSPENDED' ? [RESUMPTION, INTERRUPTION] : [INTERRUPTION, SUSPENSION]
}

/** The confirmation's text: what will be recorded, on which day, and what it does. */
export function confirmText(choice: EventChoice, clockName: string, date: string): string {
  return `为“${clockName}”记录${choice.label}（${date}）？${choice.effect}记录后不能撤销。`
}
