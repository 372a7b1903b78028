/** What an administrator sets for a person's phone desk: the queue interface and the queues served. */
export interface DeskForm {
  memberInterface: string
  queues: string[]
}

/** A row of the desk list, as far as these helpers need it. */
export interface DeskRow {
  username?: string
  displayName?: string
  desk?: { memberInterface?: string; queues?: { queue?: string; name?: string }[]; state?: string } | null
}

export const emptyDesk = (): DeskForm => ({ memberInterface: '', queues: [] })

// the default of law12348.telephony.desk.interface-pattern; the server checks its configured one again
const INTERFACE = /^(PJSIP|SIP|IAX2|Local)\/[0-9A-Za-z_@.-]{1,48}$/

/** The server's checks, run before sending so a slip is shown on its field at once. */
export function checkDesk(form: DeskForm): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!INTERFACE.test(form.memberInterface.trim())) errors.memberInterface = '坐席分机接口格式不正确，例如 PJSIP/1001'
  if (form.queues.length === 0) errors.queues = '请至少选择一个队列'
  return errors
}

/** Whether the person is in the queues now (the PBX rings them): not OFFLINE. */
export const inQueues = (row: DeskRow): boolean => !!row.desk && row.desk.state !== 'OFFLINE'

/**
 * The queues a change takes away from someone in the queues now, by name: the PBX drops them from
 * those queues at once, so the administrator confirms first. A new interface takes them out of all.
 */
export function queuesTakenAway(row: DeskRow, form: DeskForm): string[] {
  if (!inQueues(row)) return []
  const sameInterface = row.desk?.memberInterface === form.memberInterface.trim()
  return (row.desk?.queues ?? []).filter((q) => !sameInterface || !form.queues.includes(q.queue ?? ''))
    .map((q) => q.name ?? q.queue ?? '')
}

/** The question asked before a change that takes a person in the queues out of some (empty: none to ask). */
export function removalQuestion(row: DeskRow, form: DeskForm): string {
  const taken = queuesTakenAway(row, form)
  if (taken.length === 0) return ''
  return `${row.displayName ?? row.username}正在队列中接听来电，保存后将立即退出：${taken.join('、')}。确定保存吗？`
}

/** Rows shown: by name, username or interface, and only those with a desk on request. */
export function visibleDesks<T extends DeskRow>(rows: T[], text: string, onlyWithDesk: boolean): T[] {
  const q = text.trim()
  return rows.filter((r) => (!onlyWithDesk || !!r.desk)
    && (!q || [r.displayName, r.username, r.desk?.memberInterface].some((s) => s?.includes(q))))
}
