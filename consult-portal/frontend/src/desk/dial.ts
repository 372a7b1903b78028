import { ElMessage, ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import { api, ok } from '@/api/client'
import { ApiError } from '@/api/problems'
import { formatTime } from '@/names/format'
import { offersBooking } from './desk'

/**
 * Click-to-call from a ticket or a missed call: asks first, then the hotline rings the person's desk
 * and the citizen. Outside service hours it offers the callback the line would dial at its opening.
 * True when a call or a callback was placed.
 */
export async function dialTicket(ticketNumber: string, shownPhone: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(`将先呼叫你的坐席电话，接听后再拨打市民 ${shownPhone}（工单 ${ticketNumber}），确定拨打吗？`,
      '拨打', { confirmButtonText: '拨打', cancelButtonText: '取消', type: 'info' })
  } catch {
    return false
  }
  const path = { params: { path: { number: ticketNumber } } }
  try {
    await ok(api.POST('/api/v1/staff/tickets/{number}/callback', { ...path, body: { dialNow: true } }))
    ElMessage.success('正在呼叫你的坐席电话，请接听；通话结果将记入工单时间线')
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
      const task = await ok(api.POST('/api/v1/staff/tickets/{number}/callback', { ...path, body: {} }))
      ElMessage.success(`已预约回拨，预计 ${formatTime(task.dueAt)} 拨出`)
      return true
    } catch (again) {
      ElMessage.error(again instanceof ApiError ? again.message : '预约回拨失败')
      return false
    }
  }
}
