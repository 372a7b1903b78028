import { request } from './http'
import { withSession } from './session'

// WeChat subscribe messages: the templates the product sends (answer, closing, legal-clock reminder …)
// and the citizen's answers to wx.requestSubscribeMessage, each "accept" allowing one message.

const MP = '/api/v1/miniapp/wechat'

/** The configured template ids, in the order the server gives them; none configured: an empty list. */
export function templateIds(view: Record<string, string | null | undefined>): string[] {
  return Object.values(view).filter((id): id is string => typeof id === 'string' && id !== '')
}

export async function subscriptionTemplates(): Promise<string[]> {
  try {
    const reply = await request<Record<string, string | null>>(MP + '/subscription-templates')
    return templateIds(reply.data)
  } catch {
    return [] // not configured (503) or unreachable: the page simply does not offer it
  }
}

/** Sends what wx.requestSubscribeMessage resolved with; answers the template ids the server granted. */
export function recordSubscriptions(results: Record<string, string>): Promise<string[]> {
  return withSession(async (authorization) => (await request<{ granted: string[] }>(MP + '/subscriptions', {
    method: 'POST', headers: { Authorization: authorization }, body: { results } })).data.granted)
}
