import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { answeredTicket, ok } from '../../../test/json'
import { consentGiven } from '../../../test/consent'
import { hooks, platform, type SentRequest } from '../../../test/uni-platform'
import List from './index.vue'

const PHONE = '13812345678'
const HOTLINE_TICKET = 'GD20261207-000042'

async function type(page: ReturnType<typeof mount>, id: string, text: string) {
  await page.find(id).trigger('input', { detail: { value: text } })
}

async function openList() {
  const page = mount(List)
  await hooks.load()
  await flushPromises()
  return page
}

describe('my consultations on the web', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    consentGiven()
    platform.server = (req: SentRequest) => {
      if (req.url === '/api/v1/miniapp/sms/codes') {
        return ok({ phone: '138****5678', resendAfter: new Date(Date.now() + 60_000).toISOString(),
          expiresAt: new Date(Date.now() + 300_000).toISOString() })
      }
      if (req.url === '/api/v1/miniapp/sms/sessions') {
        const code = (req.data as { code: string }).code
        return code === '246810'
          ? ok({ token: 'sms-token', expiresAt: new Date(Date.now() + 7_200_000).toISOString(), channel: 'WEB',
            phoneBound: true })
          : { status: 400, data: { code: 'sms.codeInvalid', field: 'code', detail: '验证码错误或已过期，请重新获取' } }
      }
      if (req.url.startsWith('/api/v1/miniapp/tickets?')) {
        return req.header.Authorization === 'Bearer sms-token'
          ? ok({ items: [{ number: HOTLINE_TICKET, status: 'ANSWERED', businessType: 'LEGAL_AID',
            subject: '工伤赔偿', createdAt: '2026-12-01T02:00:00Z' }] })
          : { status: 401, data: { field: 'Authorization' } }
      }
      return { status: 404, data: {} }
    }
  })

  it('signs in with the code texted to the phone and lists every consultation under the number', async () => {
    const page = await openList()
    await type(page, '#sms-phone', PHONE)
    await page.find('#sms-send').trigger('tap')
    await flushPromises()
    expect(page.find('#sms-notice').text()).toContain('验证码已发送')
    expect(page.find('#sms-send').text()).toContain('秒后可重发')

    await type(page, '#sms-code', '246810')
    await page.find('#sms-submit').trigger('tap')
    await flushPromises()

    expect(page.find('#ticket-list').text()).toContain(HOTLINE_TICKET)
    expect(page.find('#ticket-list').text()).toContain('法律援助')
    expect(page.find('#sms-signed-in').text()).toContain('138****5678')
    const list = platform.sent.find((r) => r.url.startsWith('/api/v1/miniapp/tickets?'))
    expect(list?.header.Authorization).toBe('Bearer sms-token')
  })

  it('says what is wrong with a number or a code before and after asking the server', async () => {
    const page = await openList()
    await type(page, '#sms-phone', '12345')
    await page.find('#sms-send').trigger('tap')
    expect(page.find('#sms-error').text()).toBe('请输入11位手机号。')
    expect(platform.sent).toHaveLength(0)

    await type(page, '#sms-phone', PHONE)
    await type(page, '#sms-code', '111111')
    await page.find('#sms-submit').trigger('tap')
    await flushPromises()
    expect(page.find('#sms-error').text()).toBe('验证码错误或已过期，请重新获取。')
    expect((page.find('#sms-phone').element as HTMLInputElement).value).toBe(PHONE)
  })

  it('opens a listed consultation through the session, and signing out asks first and forgets the list', async () => {
    const page = await openList()
    await type(page, '#sms-phone', PHONE)
    await type(page, '#sms-code', '246810')
    await page.find('#sms-submit').trigger('tap')
    await flushPromises()
    await page.find(`[data-number="${HOTLINE_TICKET}"]`).trigger('tap')
    expect(platform.navigations.at(-1)).toBe('/pages/tickets/detail?number=' + HOTLINE_TICKET)

    await page.find('#sms-sign-out').trigger('tap')
    await flushPromises()
    expect(page.find('#ticket-list').exists()).toBe(false)
    expect(page.find('#sms-sign-in').exists()).toBe(true)
  })
})

describe('a consultation listed after an SMS sign-in', () => {
  it('is read through the session, without a tracking token', async () => {
    setActivePinia(createPinia())
    consentGiven()
    platform.server = (req) => (req.url === `/api/v1/miniapp/tickets/${HOTLINE_TICKET}`
      ? ok(answeredTicket({ number: HOTLINE_TICKET })) : { status: 404, data: {} })
    platform.storage.set('law12348.session', JSON.stringify({ token: 'sms-token',
      expiresAt: new Date(Date.now() + 7_200_000).toISOString(), phone: '138****5678' }))
    const { default: Detail } = await import('./detail.vue')
    const page = mount(Detail)
    await hooks.load({ number: HOTLINE_TICKET })
    await flushPromises()

    expect(platform.sent[0].header.Authorization).toBe('Bearer sms-token')
    expect(page.find('#ticket-status').text()).toBe('已答复')
  })
})
