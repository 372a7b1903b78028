import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { consentGiven } from '../../../test/consent'
import { ok, paths } from '../../../test/json'
import { platform, type SentRequest } from '../../../test/uni-platform'
import { useChannelForTests } from '@/platform/channel'
import { useConsentStore } from '@/stores/consent'
import Privacy from './index.vue'

const session = { token: 'session-1', expiresAt: new Date(Date.now() + 7_200_000).toISOString(), channel: 'WECHAT',
  phoneBound: false }

describe('the privacy page in the mini-programs', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    useChannelForTests('wechat')
    consentGiven()
  })
  afterEach(() => useChannelForTests('web'))

  it('asks for the erasure of all the account\'s consultations after the citizen confirms', async () => {
    platform.server = (req: SentRequest) => (req.url.endsWith('/sessions') ? ok(session)
      : ok({ status: 'REQUESTED', tickets: [], message: '删除申请已登记，工作人员核实身份后将删除您的个人信息' }, 202))
    const page = mount(Privacy)
    expect(page.text()).not.toContain('暂未开通')

    await page.find('#request-erasure').trigger('tap')
    await flushPromises()

    expect(paths(platform.sent)).toEqual(['POST /api/v1/miniapp/wechat/sessions', 'POST /api/v1/miniapp/erasure-requests'])
    expect(platform.sent[1].header.Authorization).toBe('Bearer session-1')
    expect(page.find('#erasure-notice').text()).toBe('删除申请已登记，工作人员核实身份后将删除您的个人信息')
  })

  it('withdraws with the session and goes back to the notice', async () => {
    platform.server = (req: SentRequest) => (req.url.endsWith('/sessions') ? ok(session) : { status: 204 })
    const page = mount(Privacy)

    await page.find('#withdraw-consent').trigger('tap')
    await flushPromises()

    expect(paths(platform.sent)).toContain('DELETE /api/v1/citizen/consents/current')
    expect(platform.navigations).toEqual(['/pages/consent/index'])
    expect(useConsentStore().given).toBe(false)
  })
})

describe('the privacy page on the web', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    consentGiven('5b0c7a52-3f7e-4d1c-9a43-2f1d8e6b7c10')
  })

  it('says so and keeps the consent when the withdrawal cannot reach the centre', async () => {
    platform.server = () => 'network-failure'
    const page = mount(Privacy)

    await page.find('#withdraw-consent').trigger('tap')
    await flushPromises()

    expect(paths(platform.sent)).toEqual(['DELETE /api/v1/citizen/consents/5b0c7a52-3f7e-4d1c-9a43-2f1d8e6b7c10'])
    expect(page.find('#withdraw-error').text()).toContain('撤回同意没有完成')
    expect(platform.navigations).toEqual([])
    expect(useConsentStore().given).toBe(true)
  })
})
