import { channel } from '@/platform/channel'
import { request } from './http'
import { withSession } from './session'

// Subscribe messages of the mini-programs: the templates the product sends (answer, closing, legal-clock
// reminder …) and the citizen's answers to the platform's request (WeChat's wx.requestSubscribeMessage,
// Alipay's my.requestSubscribeMessage), each "accept" allowing one message.

function base(): string {
  return '/api/v1/miniapp/' + (channel() === 'alipay' ? 'alipay' : 'wechat')
}

/** The configured template ids, in the order the server gives them; none configured: an empty list. */
export function templateIds(view: Record<string, string | null | undefined>): string[] {
  return Object.values(view).filter((id): id is string => typeof id === 'string' && id !== '')
}

export async function subscriptionTemplates(): Promise<string[]> {
  try {
    const reply = await request<Record<string, string | null>>(base() + '/subscription-templates')
    return templateIds(reply.data)
  } catch {
    return [] // not configured (503) or unreachable: the page simply does not offer it
  }
}

/** Sends the platform's answer (template id → accept/reject); answers the template ids the server granted. */
export function recordSubscriptions(results: Record<string, string>): Promise<string[]> {
  return withSession(async (authorization) => (await request<{ granted: string[] }>(base() + '/subscriptions', {
    method: 'POST', headers: { Authorization: authorization }, body: { results } })).data.granted)
}
