import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '../../../test/json'
import { consentGiven } from '../../../test/consent'
import { hooks, platform, type SentRequest } from '../../../test/uni-platform'
import { templateIds } from '@/api/subscriptions'
import { useChannelForTests } from '@/platform/channel'
import Done from './done.vue'

const NUMBER = 'GD20261207-000007'

async function openDone() {
  const page = mount(Done)
  await hooks.load({ number: NUMBER })
  await flushPromises()
  return page
}

describe('after a question went in, in the WeChat mini-program', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    consentGiven()
    useChannelForTests('wechat')
  })
  afterEach(() => useChannelForTests('web'))

  it('offers to be told of the answer, and records what the citizen allowed', async () => {
    platform.server = (req: SentRequest) => {
      if (req.url === '/api/v1/miniapp/wechat/subscription-templates') {
        return ok({ accepted: null, answered: 'TPL-ANSWERED', closed: 'TPL-CLOSED', reminder: 'TPL-REMINDER' })
      }
      if (req.url === '/api/v1/miniapp/wechat/sessions') {
        return ok({ token: 't', expiresAt: new Date(Date.now() + 7_200_000).toISOString() })
      }
      if (req.url === '/api/v1/miniapp/wechat/subscriptions') {
        return ok({ granted: ['TPL-ANSWERED', 'TPL-REMINDER'] })
      }
      return { status: 404, data: {} }
    }
    platform.subscribeAnswer = { 'TPL-ANSWERED': 'accept', 'TPL-CLOSED': 'reject', 'TPL-REMINDER': 'accept' }
    const page = await openDone()

    await page.find('#notify-subscribe').trigger('tap')
    await flushPromises()

    const recorded = platform.sent.find((r) => r.url === '/api/v1/miniapp/wechat/subscriptions')
    expect((recorded?.data as { results: Record<string, string> }).results).toMatchObject(platform.subscribeAnswer)
    expect(page.find('#notify-result').text()).toContain('已开启微信通知')
  })

  it('offers nothing when the centre has no templates configured', async () => {
    platform.server = () => ({ status: 503, data: { code: 'miniapp.templates.not-configured' } })
    const page = await openDone()
    expect(page.find('#notify-me').exists()).toBe(false)
  })
})

describe('after a question went in, in the Alipay mini-program', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    consentGiven()
    useChannelForTests('alipay')
  })
  afterEach(() => useChannelForTests('web'))

  it('asks with my.requestSubscribeMessage and records the same answers with the Alipay API', async () => {
    platform.server = (req: SentRequest) => {
      if (req.url === '/api/v1/miniapp/alipay/subscription-templates') {
        return ok({ accepted: null, answered: 'ALI-TPL-ANSWERED', closed: 'ALI-TPL-CLOSED', reminder: null })
      }
      if (req.url === '/api/v1/miniapp/alipay/sessions') {
        return ok({ token: 't', expiresAt: new Date(Date.now() + 7_200_000).toISOString() })
      }
      if (req.url === '/api/v1/miniapp/alipay/subscriptions') {
        return ok({ granted: ['ALI-TPL-ANSWERED'] })
      }
      return { status: 404, data: {} }
    }
    platform.subscribeAnswer = { 'ALI-TPL-ANSWERED': 'accept', 'ALI-TPL-CLOSED': 'reject' }
    const page = await openDone()
    expect(page.find('#notify-subscribe').text()).toBe('开启支付宝通知')

    await page.find('#notify-subscribe').trigger('tap')
    await flushPromises()

    expect(platform.alipaySubscribeAsked).toEqual(['ALI-TPL-ANSWERED', 'ALI-TPL-CLOSED'])
    const recorded = platform.sent.find((r) => r.url === '/api/v1/miniapp/alipay/subscriptions')
    // only the templates asked about: not Alipay's behaviour flags and lists
    expect((recorded?.data as { results: Record<string, string> }).results)
      .toEqual({ 'ALI-TPL-ANSWERED': 'accept', 'ALI-TPL-CLOSED': 'reject' })
    expect(page.find('#notify-result').text()).toContain('已开启支付宝通知')
  })
})

describe('the template ids to ask for', () => {
  it('are those configured, without the kinds left empty', () => {
    expect(templateIds({ accepted: null, answered: 'A', closed: '', reminder: 'R' })).toEqual(['A', 'R'])
  })

  it('are not asked for on the web', async () => {
    setActivePinia(createPinia())
    consentGiven()
    const page = await openDone()
    expect(page.find('#notify-me').exists()).toBe(false)
    expect(platform.sent.filter((r) => r.url.includes('subscription'))).toHaveLength(0)
  })
})
