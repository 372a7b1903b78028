import { channel } from '@/platform/channel'
import { KEYS, load, remove, save } from '@/platform/storage'
import { ApiError, request } from './http'

// The mini-programs' sign-in: the platform's login code (wx.login / my.getAuthCode, both through
// uni.login) is exchanged for the product's session token, kept until it expires.

interface Session {
  token: string
  expiresAt: string
}

function platformCode(): Promise<string> {
  return new Promise((resolve, reject) => {
    uni.login({
      provider: channel() === 'alipay' ? 'alipay' : 'weixin',
      success: (res) => (res.code ? resolve(res.code) : reject(new ApiError('network', 0, '', '', '', null))),
      fail: () => reject(new ApiError('network', 0, 'signIn.platform', '', '', null)),
    } as UniApp.LoginOptions)
  })
}

async function signIn(): Promise<Session> {
  const code = await platformCode()
  const path = channel() === 'alipay' ? '/api/v1/miniapp/alipay/sessions' : '/api/v1/miniapp/wechat/sessions'
  const body = channel() === 'alipay' ? { authCode: code } : { code }
  const reply = await request<Session>(path, { method: 'POST', body })
  const session = { token: reply.data.token, expiresAt: reply.data.expiresAt }
  save(KEYS.session, session)
  return session
}

async function currentToken(): Promise<string> {
  const kept = load<Session>(KEYS.session)
  // a minute's margin: a token about to expire would fail on the way
  if (kept && Date.parse(kept.expiresAt) - Date.now() > 60_000) {
    return kept.token
  }
  return (await signIn()).token
}

/** A request under the citizen's session; an expired or refused session signs in again once. */
export async function withSession<T>(call: (authorization: string) => Promise<T>): Promise<T> {
  try {
    return await call('Bearer ' + (await currentToken()))
  } catch (e) {
    if (e instanceof ApiError && e.status === 401 && e.field === 'Authorization') {
      remove(KEYS.session)
      return call('Bearer ' + (await signIn()).token)
    }
    throw e
  }
}
