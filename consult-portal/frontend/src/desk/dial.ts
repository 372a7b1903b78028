import { ElMessage, ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import { api, ok, type Schemas } from '@/api/client'
import { ApiError } from '@/api/problems'
import { formatTime } from '@/names/format'
import { offersBooking } from './desk'

type Callback = Schemas['CallbackView']

/** What a click-to-call dials: a ticket's contact, or the caller of a call (a missed call without a ticket gets one). */
export type DialTarget = { ticketNumber: string } | { callId: string; ticketNumber?: string | null }

function callback(target: DialTarget, dialNow: boolean): Promise<Callback> {
  if ('callId' in target) {
    return ok(api.POST('/api/v1/staff/calls/{callId}/callback', { params: { path: { callId: target.callId } }, body: { dialNow } }))
  }
  return ok(api.POST('/api/v1/staff/tickets/{number}/callback', { params: { path: { number: target.ticketNumber } },
    body: dialNow ? { dialNow: true } : {} }))
}

function question(target: DialTarget, shownPhone: string): string {
  const ticket = target.ticketNumber ? `（工单 ${target.ticketNumber}）` : '（将为这通来电新建电话工单，通话结果记入该工单）'
  return `将先呼叫你的坐席电话，接听后再拨打市民 ${shownPhone}${ticket}，确定拨打吗？`
}

/**
 * Click-to-call from a ticket or a missed call: asks first, then the hotline rings the person's desk
 * and the citizen. Outside service hours it offers the callback the line would dial at its opening.
 * True when a call or a callback was placed.
 */
export async function dial(target: DialTarget, shownPhone: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(question(target, shownPhone), '拨打', { confirmButtonText: '拨打', cancelButtonText: '取消', type: 'info' })
  } catch {
    return false
  }
  try {
    const task = await callback(target, true)
    ElMessage.success(`正在呼叫你的坐席电话，请接听；通话结果将记入工单 ${task.ticketNumber} 的时间线`)
    return true
  } catch (e) {
    if (!(e instanceof ApiError) || !offersBooking(e.problem)) {
      ElMessage.error(e instanceof ApiError ? e.message : '拨打失败')
      return false
    }
    try {
      await ElMessageBox.confirm(e.message, '不在服务时间', { confirmButtonText: '预约回拨', cancelButtonText: '取消', type: 'warning' })
    } catch {
      return false
    }
    try {
      const task = await callback(target, false)
      ElMessage.success(`已预约回拨，预计 ${formatTime(task.dueAt)} 拨出`)
      return true
    } catch (again) {
      ElMessage.error(again instanceof ApiError ? again.message : '预约回拨失败')
      return false
    }
  }
}

/** Click-to-call from a ticket. */
export function dialTicket(ticketNumber: string, shownPhone: string): Promise<boolean> {
  return dial({ ticketNumber }, shownPhone)
}
