import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { platform, type SentRequest } from '../../test/uni-platform'
import { ok } from '../../test/json'
import { consentGiven } from '../../test/consent'
import { KEYS, save } from '@/platform/storage'
import { NOTICE_VERSION, useConsentStore } from './consent'
import { useDraftStore } from './draft'
import { useTicketsStore } from './tickets'

const receipt = { number: 'GD20261206-000009', status: 'ROUTED', trackingToken: 'tok-9' }
const tickets = () => platform.sent.filter((r) => r.url === '/api/v1/tickets')

function writeDraft(): string {
  useDraftStore().update({ text: '公司拖欠我三个月工资，我该怎么办？', regionPath: ['440000', '440100'], regionCode: '440100' })
  return useDraftStore().draft.key
}

/** Accepted on this device, but the centre could not be reached to record it. */
function consentNotRecorded() {
  save(KEYS.consent, { version: NOTICE_VERSION, acceptedAt: '2026-12-06T06:00:00.000Z' })
}

describe('a web submission names the consent it is made under', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('sends the consent the centre recorded', async () => {
    consentGiven('c0nsent0-0000-4000-8000-00000000000a')
    writeDraft()
    platform.server = () => ok(receipt, 201)
    await useTicketsStore().submit()
    expect(tickets()[0].header['X-Consent-Id']).toBe('c0nsent0-0000-4000-8000-00000000000a')
  })

  it('records a consent the network kept from being recorded first, then sends it', async () => {
    consentNotRecorded()
    writeDraft()
    platform.server = (req: SentRequest) => (req.url === '/api/v1/citizen/consents'
      ? ok({ consentId: 'c0nsent0-0000-4000-8000-00000000000b' }, 201) : ok(receipt, 201))
    await useTicketsStore().submit()
    expect(platform.sent.map((r) => r.url)).toEqual(['/api/v1/citizen/consents', '/api/v1/tickets'])
    expect(tickets()[0].header['X-Consent-Id']).toBe('c0nsent0-0000-4000-8000-00000000000b')
    expect(useConsentStore().recorded).toBe(true)
  })

  it('records the consent again when the centre no longer knows it, and sends the same submission once more', async () => {
    consentGiven('c0nsent0-0000-4000-8000-00000000000c')
    const key = writeDraft()
    platform.server = (req: SentRequest) => {
      if (req.url === '/api/v1/citizen/consents') {
        return ok({ consentId: 'c0nsent0-0000-4000-8000-00000000000d' }, 201)
      }
      return req.header['X-Consent-Id'] === 'c0nsent0-0000-4000-8000-00000000000c'
        ? { status: 400, data: { code: 'consent.notInForce', field: 'X-Consent-Id', detail: '同意记录不存在或已撤回' } }
        : ok(receipt, 201)
    }
    const done = await useTicketsStore().submit()
    expect(done.number).toBe('GD20261206-000009')
    expect(tickets().map((r) => [r.header['Idempotency-Key'], r.header['X-Consent-Id']])).toEqual([
      [key, 'c0nsent0-0000-4000-8000-00000000000c'], [key, 'c0nsent0-0000-4000-8000-00000000000d']])
    expect(useDraftStore().empty).toBe(true)
  })

  it('gives up after one new recording: the refusal reaches the page and the draft stays', async () => {
    consentGiven('c0nsent0-0000-4000-8000-00000000000e')
    writeDraft()
    platform.server = (req: SentRequest) => (req.url === '/api/v1/citizen/consents'
      ? ok({ consentId: 'c0nsent0-0000-4000-8000-00000000000f' }, 201)
      : { status: 400, data: { code: 'consent.notInForce', field: 'X-Consent-Id', detail: '同意记录不存在或已撤回' } })
    await expect(useTicketsStore().submit()).rejects.toMatchObject({ status: 400, field: 'X-Consent-Id' })
    expect(tickets()).toHaveLength(2)
    expect(useDraftStore().empty).toBe(false)
  })

  it('still submits when the consent cannot be recorded: the question matters more than the record', async () => {
    consentNotRecorded()
    writeDraft()
    platform.server = (req: SentRequest) => (req.url === '/api/v1/citizen/consents' ? 'network-failure' : ok(receipt, 201))
    await useTicketsStore().submit()
    expect(tickets()).toHaveLength(1)
    expect(tickets()[0].header['X-Consent-Id']).toBeUndefined()
  })
})
