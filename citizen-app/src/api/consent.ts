import { channel } from '@/platform/channel'
import { ApiError, request } from './http'
import { withSession } from './session'

// Consent to the privacy notice, recorded with the centre (PIPL: it must be able to show it and act on its
// withdrawal). The web records it anonymously and withdraws it by its id; the mini-programs record it under
// the signed-in account, and withdrawing it there deletes the account and asks for its tickets' erasure.

const CONSENTS = '/api/v1/citizen/consents'

function channelName(): 'WEB' | 'WECHAT' | 'ALIPAY' {
  const c = channel()
  return c === 'wechat' ? 'WECHAT' : c === 'alipay' ? 'ALIPAY' : 'WEB'
}

/** Records the consent; answers the id the centre keeps it under. */
export async function recordConsent(noticeVersion: string): Promise<string> {
  const body = { noticeVersion, channel: channelName() }
  if (channel() === 'web') {
    return (await request<{ consentId: string }>(CONSENTS, { method: 'POST', body })).data.consentId
  }
  return withSession(async (authorization) => (await request<{ consentId: string }>(CONSENTS, {
    method: 'POST', headers: { Authorization: authorization }, body })).data.consentId)
}

/**
 * Withdraws the consent with the centre. The web: the one recorded under {@code consentId} (nothing to do
 * without one; one the centre no longer knows is withdrawn already). The mini-programs: the account's,
 * which deletes the account and asks for the erasure of its tickets.
 */
export async function withdrawConsent(consentId: string | undefined): Promise<void> {
  if (channel() !== 'web') {
    await withSession((authorization) => request(CONSENTS + '/current', {
      method: 'DELETE', headers: { Authorization: authorization } }))
    return
  }
  if (!consentId) {
    return
  }
  try {
    await request(`${CONSENTS}/${encodeURIComponent(consentId)}`, { method: 'DELETE' })
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) {
      throw e
    }
  }
}

/** The mini-programs: asks for the personal data of all the account's tickets to be erased; answers the server's words. */
export function requestAccountErasure(): Promise<string> {
  return withSession(async (authorization) => (await request<{ message: string }>('/api/v1/miniapp/erasure-requests', {
    method: 'POST', headers: { Authorization: authorization }, body: { note: '市民通过小程序申请删除个人信息' } }))
    .data.message)
}
