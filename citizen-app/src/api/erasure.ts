import { request } from './http'
import type { TicketRef } from './model'

/**
 * Asks for the personal data of a web ticket to be erased (an administrator checks who asks, then
 * erases). Asking again while a request is open is answered as already registered.
 */
export async function requestErasure(ref: TicketRef): Promise<void> {
  await request(`/api/v1/tickets/${encodeURIComponent(ref.number)}/erasure-requests`, {
    method: 'POST', headers: { 'X-Tracking-Token': ref.token ?? '' }, body: { note: '市民通过网上服务撤回授权时申请' } })
}
