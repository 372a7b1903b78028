import type { Problem } from '@/api/problems'

/** What an administrator types for a unit; the code only when creating (rules refer to it, so it never changes). */
export interface UnitForm {
  code: string
  name: string
  type: string
  regionCode: string
  phone: string
  /** Where citizens go in person; the citizen app's legal-aid guide shows it with the phone and hours. */
  address: string
  openingHours: string
}

export interface UnitRow {
  code?: string
  name?: string
  regionName?: string
  active?: boolean
  waitingTickets?: number
}

export const emptyUnit = (): UnitForm => ({ code: '', name: '', type: '', regionCode: '', phone: '', address: '',
  openingHours: '' })

const CODE = /^[A-Z0-9][A-Z0-9-]{2,63}$/

/**
 * The server's checks, run before sending so a slip is shown on its field at once; the server
 * checks again and its problem lands on the same field ({@link problemOnField}).
 */
export function checkUnit(form: UnitForm, creating: boolean): Record<string, string> {
  const errors: Record<string, string> = {}
  if (creating && !CODE.test(form.code.trim().toUpperCase())) {
    errors.code = '单位编码应为3到64位大写字母、数字或连字符'
  }
  const name = form.name.trim()
  if (name.length < 2 || name.length > 100) errors.name = '名称应为2到100个字'
  if (!form.type) errors.type = '请选择单位类型'
  if (!form.regionCode) errors.regionCode = '请选择服务地区'
  if (form.phone.trim() && !/^[0-9-]{3,20}$/.test(form.phone.trim())) errors.phone = '联系电话只能包含数字和连字符'
  const address = [...form.address.trim()].length
  if (address > 0 && (address < 2 || address > 200)) errors.address = '地址应为2到200个字'
  const hours = [...form.openingHours.trim()].length
  if (hours > 0 && (hours < 2 || hours > 100)) errors.openingHours = '办公时间应为2到100个字'
  return errors
}

/** The server's refusal as an error under the field it names (or the form's top when it names none). */
export function problemOnField(problem: Problem, fields: string[]): Record<string, string> {
  const field = problem.field && fields.includes(problem.field) ? problem.field : '_form'
  return { [field]: problem.detail ?? '保存失败' }
}

/** What deactivating does, said before it is done: where the waiting tickets go and what stays. */
export function deactivationNotice(unit: UnitRow, successorName: string | undefined): string {
  const waiting = unit.waitingTickets ?? 0
  const to = successorName ? `“${successorName}”` : '所选的接收单位'
  const tickets = waiting > 0
    ? `它的 ${waiting} 件待办工单（已分派、办理中）将转给${to}，每件工单的时间线写明原因；`
    : '它目前没有待办工单；'
  return `停用后“${unit.name}”不再接收新工单，转派时也不再可选。${tickets}已答复的工单留在原单位直到办结。停用后请检查分派规则是否仍指向该单位。`
}

/** Units shown in the list: by name or region text, deactivated ones only on request. */
export function visibleUnits<T extends UnitRow & { typeName?: string }>(units: T[], text: string, showInactive: boolean): T[] {
  const q = text.trim()
  return units.filter((u) => (showInactive || u.active)
    && (!q || [u.name, u.regionName, u.typeName].some((s) => s?.includes(q))))
}
