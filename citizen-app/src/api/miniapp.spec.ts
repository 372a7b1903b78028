import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok, paths } from '../../test/json'
import { platform, type SentRequest } from '../../test/uni-platform'
import { useChannelForTests } from '@/platform/channel'
import { useDraftStore } from '@/stores/draft'
import { useTicketsStore } from '@/stores/tickets'

const session = { token: 'session-1', expiresAt: new Date(Date.now() + 7_200_000).toISOString(), channel: 'WECHAT',
  phoneBound: false }
const receipt = { number: 'GD20261206-000011', status: 'ROUTED', statusName: '待受理' }

describe('the mini-programs\' door', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    useChannelForTests('wechat')
    useDraftStore().update({ text: '公司拖欠我三个月工资，我该怎么办？', regionPath: ['440000', '440100'], regionCode: '440100' })
  })
  afterEach(() => useChannelForTests('web'))

  it('signs in with the platform\'s login code and asks with the draft\'s key as the client message id', async () => {
    const key = useDraftStore().draft.key
    platform.server = (req: SentRequest) => (req.url.endsWith('/sessions') ? ok(session) : ok(receipt, 201))

    const made = await useTicketsStore().submit()

    expect(paths(platform.sent)).toEqual(['POST /api/v1/miniapp/wechat/sessions', 'POST /api/v1/miniapp/questions'])
    expect(platform.sent[0].data).toEqual({ code: 'test-login-code' })
    expect(platform.sent[1].header).toMatchObject({ Authorization: 'Bearer session-1', 'X-Client-Message-Id': key })
    expect(platform.sent[1].data).toEqual({ regionCode: '440100', text: '公司拖欠我三个月工资，我该怎么办？' })
    expect(made).toMatchObject({ number: 'GD20261206-000011', created: true })
  })

  it('sends the legal-clock date the citizen picked with the question', async () => {
    useDraftStore().update({ clockQuestion: { type: 'LABOUR_ARBITRATION', name: '劳动仲裁申请期限',
      question: '您是哪天被辞退（或知道权益受损）的？', earliest: '2006-12-08', latest: '2026-12-08' },
    triggerDate: '2026-11-20', triggerType: 'LABOUR_ARBITRATION' })
    platform.server = (req: SentRequest) => (req.url.endsWith('/sessions') ? ok(session) : ok(receipt, 201))

    await useTicketsStore().submit()

    expect(platform.sent[1].data).toEqual({ regionCode: '440100', text: '公司拖欠我三个月工资，我该怎么办？',
      triggerDate: '2026-11-20' })
  })

  it('sends other services as service requests and keeps the session for the next call', async () => {
    useDraftStore().update({ businessType: 'LEGAL_AID' })
    platform.server = (req: SentRequest) => (req.url.endsWith('/sessions') ? ok(session) : ok(receipt, 201))
    await useTicketsStore().submit()
    platform.server = () => ok({ items: [{ number: receipt.number, status: 'ROUTED', businessType: 'LEGAL_AID',
      subject: '公司拖欠工资', createdAt: '2026-12-06T06:00:00Z' }], page: 0, size: 50, total: 1 })
    await useTicketsStore().refreshList()

    expect(paths(platform.sent)).toEqual(['POST /api/v1/miniapp/wechat/sessions',
      'POST /api/v1/miniapp/service-requests', 'GET /api/v1/miniapp/tickets?page=0&size=50'])
    expect(platform.sent[1].data).toMatchObject({ businessType: 'LEGAL_AID' })
    expect(useTicketsStore().listed.map((t) => t.number)).toEqual([receipt.number])
  })

  it('signs in again once when the server no longer knows the session', async () => {
    let signIns = 0
    platform.server = (req: SentRequest) => {
      if (req.url.endsWith('/sessions')) {
        signIns++
        return ok({ ...session, token: 'session-' + signIns })
      }
      return req.header.Authorization === 'Bearer session-1'
        ? { status: 401, data: { code: 'session.invalid', field: 'Authorization', detail: '登录状态无效，请重新登录' } }
        : ok(receipt, 201)
    }

    await useTicketsStore().submit()

    expect(signIns).toBe(2)
    expect(platform.sent.at(-1)?.header.Authorization).toBe('Bearer session-2')
  })

  it('signs in with the Alipay auth code in the Alipay build', async () => {
    useChannelForTests('alipay')
    platform.server = (req: SentRequest) => (req.url.endsWith('/sessions') ? ok(session) : ok(receipt, 201))
    await useTicketsStore().submit()
    expect(platform.sent[0].url).toBe('/api/v1/miniapp/alipay/sessions')
    expect(platform.sent[0].data).toEqual({ authCode: 'test-login-code' })
  })
})
