import { channel } from './channel'

// Asking the citizen, from a tap, whether the centre may message them about this consultation. WeChat:
// wx.requestSubscribeMessage (uni.requestSubscribeMessage). Alipay: my.requestSubscribeMessage, which uni
// does not wrap. Both answer each template id asked for with accept or reject: what the centre records.

/** Alipay's subscribe call, present only in the Alipay mini-program. */
interface AlipayMy {
  requestSubscribeMessage(options: {
    entityIds: string[]
    success: (res: Record<string, unknown>) => void
    fail: (err: unknown) => void
  }): void
}

// the Alipay runtime's own global, referenced by name: its JavaScript engine need not have globalThis
declare const my: AlipayMy

/** Template id → accept/reject as the platform answered; rejects when the citizen closed the sheet. */
export function askToSubscribe(templateIds: string[]): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    if (channel() === 'alipay') {
      my.requestSubscribeMessage({
        entityIds: templateIds,
        success: (res) => resolve(decisions(templateIds, res)),
        fail: reject,
      })
      return
    }
    uni.requestSubscribeMessage({
      tmplIds: templateIds,
      success: (res: Record<string, string>) => resolve(decisions(templateIds, res)),
      fail: reject,
    } as unknown as UniNamespace.RequestSubscribeMessageOption)
  })
}

/** Only the templates asked for: the answer also holds errMsg and, in Alipay, a summary of lists. */
function decisions(templateIds: string[], res: Record<string, unknown>): Record<string, string> {
  const answered: Record<string, string> = {}
  for (const id of templateIds) {
    if (typeof res[id] === 'string') {
      answered[id] = res[id] as string
    }
  }
  return answered
}
