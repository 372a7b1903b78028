import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok, paths } from '../../test/json'
import { platform, type SentRequest } from '../../test/uni-platform'
import { useChannelForTests } from '@/platform/channel'
import { KEYS, load } from '@/platform/storage'
import { useConsentStore } from './consent'
import { useDraftStore } from './draft'

const CONSENT_ID = '5b0c7a52-3f7e-4d1c-9a43-2f1d8e6b7c10'
const session = { token: 'session-1', expiresAt: new Date(Date.now() + 7_200_000).toISOString(), channel: 'WECHAT',
  phoneBound: false }
const recorded = ok({ consentId: CONSENT_ID, recordedAt: '2026-12-06T06:00:00Z' }, 201)

describe('consent on the web', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('is kept on the device and recorded with the centre, anonymously, under the id it answers', async () => {
    platform.server = () => recorded

    await useConsentStore().accept()

    expect(paths(platform.sent)).toEqual(['POST /api/v1/citizen/consents'])
    expect(platform.sent[0].data).toEqual({ noticeVersion: '2026-12-06', channel: 'WEB' })
    expect(platform.sent[0].header.Authorization).toBeUndefined()
    expect(useConsentStore().given).toBe(true)
    expect(load<{ consentId: string }>(KEYS.consent)?.consentId).toBe(CONSENT_ID)
  })

  it('never holds the citizen up when the centre cannot be reached, and is recorded on a later try', async () => {
    platform.server = () => 'network-failure'
    await useConsentStore().accept()
    expect(useConsentStore().given).toBe(true)
    expect(useConsentStore().recorded).toBe(false)

    platform.server = () => recorded
    setActivePinia(createPinia()) // the app starts again
    await useConsentStore().record()
    await useConsentStore().record()

    expect(paths(platform.sent)).toEqual(['POST /api/v1/citizen/consents', 'POST /api/v1/citizen/consents'])
    expect(useConsentStore().recorded).toBe(true)
    expect(load<{ consentId: string }>(KEYS.consent)?.consentId).toBe(CONSENT_ID)
  })

  it('is withdrawn with the centre by its id before the device forgets everything', async () => {
    platform.server = () => recorded
    await useConsentStore().accept()
    useDraftStore().update({ text: '邻居装修噪音太大' })
    platform.server = (req: SentRequest) => (req.method === 'DELETE' ? { status: 204 } : { status: 404 })

    await useConsentStore().withdraw()

    expect(paths(platform.sent).at(-1)).toBe(`DELETE /api/v1/citizen/consents/${CONSENT_ID}`)
    expect([...platform.storage.keys()]).toEqual([])
    expect(useConsentStore().given).toBe(false)
  })

  it('forgets a consent the centre no longer knows, and one it never recorded, without asking it', async () => {
    platform.server = () => recorded
    await useConsentStore().accept()
    platform.server = () => ({ status: 404, data: { code: 'consent.notFound', field: 'consentId' } })
    await useConsentStore().withdraw()
    expect([...platform.storage.keys()]).toEqual([])

    platform.server = () => 'network-failure'
    await useConsentStore().accept()
    platform.sent = []
    await useConsentStore().withdraw()
    expect(platform.sent).toEqual([])
    expect([...platform.storage.keys()]).toEqual([])
  })

  it('keeps everything when the withdrawal cannot reach the centre, so the citizen can try again', async () => {
    platform.server = () => recorded
    await useConsentStore().accept()
    useDraftStore().update({ text: '邻居装修噪音太大' })
    platform.server = () => 'network-failure'

    await expect(useConsentStore().withdraw()).rejects.toMatchObject({ kind: 'network' })

    expect(useConsentStore().given).toBe(true)
    expect(useDraftStore().draft.text).toBe('邻居装修噪音太大')
  })
})

describe('consent in the mini-programs', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    useChannelForTests('wechat')
  })
  afterEach(() => useChannelForTests('web'))

  it('is recorded under the signed-in account', async () => {
    platform.server = (req: SentRequest) => (req.url.endsWith('/sessions') ? ok(session) : recorded)

    await useConsentStore().accept()

    expect(paths(platform.sent)).toEqual(['POST /api/v1/miniapp/wechat/sessions', 'POST /api/v1/citizen/consents'])
    expect(platform.sent[1].header.Authorization).toBe('Bearer session-1')
    expect(platform.sent[1].data).toEqual({ noticeVersion: '2026-12-06', channel: 'WECHAT' })
  })

  it('is withdrawn with the session, which deletes the account there, then forgotten on the device', async () => {
    platform.server = (req: SentRequest) => (req.url.endsWith('/sessions') ? ok(session) : recorded)
    await useConsentStore().accept()
    platform.server = (req: SentRequest) => (req.method === 'DELETE' ? { status: 204 } : { status: 404 })

    await useConsentStore().withdraw()

    expect(paths(platform.sent).at(-1)).toBe('DELETE /api/v1/citizen/consents/current')
    expect(platform.sent.at(-1)?.header.Authorization).toBe('Bearer session-1')
    expect([...platform.storage.keys()]).toEqual([])
  })

  it('records the Alipay channel in the Alipay build', async () => {
    useChannelForTests('alipay')
    platform.server = (req: SentRequest) => (req.url.endsWith('/sessions') ? ok(session) : recorded)
    await useConsentStore().accept()
    expect(platform.sent.at(-1)?.data).toEqual({ noticeVersion: '2026-12-06', channel: 'ALIPAY' })
  })
})
