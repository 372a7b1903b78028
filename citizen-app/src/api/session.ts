import { channel } from '@/platform/channel'
import { KEYS, load, remove, save } from '@/platform/storage'
import { ApiError, request } from './http'

// The citizen's session token, kept until it expires. In the mini-programs the platform's login code
// (wx.login / my.getAuthCode, both through uni.login) is exchanged for it whenever needed; on the web
// the citizen signs in with their phone number and a code sent by SMS, and signs in again when it ends.

interface Session {
  token: string
  expiresAt: string
  /** The web: the signed-in number, masked as the server gave it back. */
  phone?: string
}

function stillValid(session: Session | null): session is Session {
  // a minute's margin: a token about to expire would fail on the way
  return session !== null && Date.parse(session.expiresAt) - Date.now() > 60_000
}

/** The web: the phone number signed in by SMS code (masked), or null when nobody is signed in. */
export function smsSignedIn(): string | null {
  const kept = load<Session>(KEYS.session)
  return channel() === 'web' && stillValid(kept) ? kept.phone ?? '' : null
}

/** The web, step 1: the server texts a code to the number; answers when the next may be asked for. */
export async function sendSmsCode(phone: string): Promise<{ resendAfter: string }> {
  const reply = await request<{ resendAfter: string }>('/api/v1/miniapp/sms/codes', {
    method: 'POST', body: { phone: phone.trim() } })
  return reply.data
}

/** The web, step 2: the number and its code for a session that sees every consultation under the number. */
export async function smsSignIn(phone: string, code: string): Promise<void> {
  const reply = await request<Session & { phone?: string }>('/api/v1/miniapp/sms/sessions', {
    method: 'POST', body: { phone: phone.trim(), code: code.trim() } })
  const masked = phone.trim().replace(/^(\d{3})\d{4}(\d{4})$/, '$1****$2')
  save(KEYS.session, { token: reply.data.token, expiresAt: reply.data.expiresAt, phone: masked })
}

export function signOut(): void {
  remove(KEYS.session)
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

/** The web has no platform to sign in with: without a live SMS session the citizen must sign in. */
function signInRequired(): ApiError {
  return new ApiError('problem', 401, 'signIn.required', 'Authorization', '请先用手机验证码登录', null)
}

async function currentToken(): Promise<string> {
  const kept = load<Session>(KEYS.session)
  if (stillValid(kept)) {
    return kept.token
  }
  if (channel() === 'web') {
    remove(KEYS.session)
    throw signInRequired()
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
      if (channel() === 'web') {
        throw signInRequired()
      }
      return call('Bearer ' + (await signIn()).token)
    }
    throw e
  }
}
