import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { platform } from '../../test/uni-platform'
import { ok } from '../../test/json'
import { useDraftStore } from './draft'
import { useTicketsStore } from './tickets'

/** A fresh app start: new stores reading what the device kept. */
function restartApp() {
  setActivePinia(createPinia())
}

const receipt = { number: 'GD20261206-000007', status: 'ROUTED', trackingToken: 'tok-7' }

describe('the question being written', () => {
  it('survives closing the app, with its region and business type', () => {
    restartApp()
    useDraftStore().update({ text: '邻居装修噪音太大', businessType: 'MEDIATION', regionPath: ['440000', '440100'],
      regionCode: '440100' })

    restartApp()
    const draft = useDraftStore().draft
    expect(draft.text).toBe('邻居装修噪音太大')
    expect(draft.businessType).toBe('MEDIATION')
    expect(draft.regionCode).toBe('440100')
    expect(draft.regionPath).toEqual(['440000', '440100'])
  })

  it('starts in the centre\'s province with legal consultation chosen', () => {
    restartApp()
    const draft = useDraftStore().draft
    expect(draft.regionPath).toEqual(['440000'])
    expect(draft.businessType).toBe('LEGAL_CONSULTATION')
    expect(draft.key).toMatch(/^[0-9a-f]{32}$/)
  })

  it('keeps its key when the app is closed, so a retry next time is the same submission', () => {
    restartApp()
    const key = useDraftStore().draft.key
    restartApp()
    expect(useDraftStore().draft.key).toBe(key)
  })
})

describe('submitting', () => {
  function writeDraft() {
    useDraftStore().update({ text: '公司拖欠我三个月工资，我该怎么办？', regionPath: ['440000', '440100', '440106'],
      regionCode: '440106' })
    return useDraftStore().draft.key
  }

  it('a double tap sends one request', async () => {
    restartApp()
    const key = writeDraft()
    platform.server = () => ok(receipt, 201)
    const tickets = useTicketsStore()

    const [first, second] = await Promise.all([tickets.submit(), tickets.submit()])

    expect(platform.sent).toHaveLength(1)
    expect(platform.sent[0].header['Idempotency-Key']).toBe(key)
    expect(first.number).toBe('GD20261206-000007')
    expect(second).toBe(first)
  })

  it('a retry after a lost answer sends the same key, and the draft ends only when the ticket exists', async () => {
    restartApp()
    const key = writeDraft()
    platform.server = () => 'network-failure'
    const tickets = useTicketsStore()

    await expect(tickets.submit()).rejects.toMatchObject({ kind: 'network' })
    expect(useDraftStore().draft.text).toContain('拖欠')

    restartApp() // the citizen closed the app in between
    platform.server = () => ok(receipt, 200) // the first attempt had arrived: the server answers its ticket
    const again = await useTicketsStore().submit()

    expect(platform.sent.map((r) => r.header['Idempotency-Key'])).toEqual([key, key])
    expect(again.created).toBe(false)
    expect(useDraftStore().empty).toBe(true)
    expect(useDraftStore().draft.key).not.toBe(key)
    expect(useTicketsStore().find('GD20261206-000007')?.token).toBe('tok-7')
  })

  it('a refused key (the content changed after an attempt that arrived) gives the edited question a new key', async () => {
    restartApp()
    const key = writeDraft()
    platform.server = () => ({ status: 422, data: { code: 'idempotencyKey.reused', field: 'Idempotency-Key',
      detail: '该提交编号已用于另一份内容不同的提交' } })

    await expect(useTicketsStore().submit()).rejects.toMatchObject({ status: 422 })

    const renewed = useDraftStore().draft
    expect(renewed.key).not.toBe(key)
    expect(renewed.text).toContain('拖欠')
  })

  it('sends the question as the web API expects it', async () => {
    restartApp()
    writeDraft()
    useDraftStore().update({ contactPhone: ' ' })
    platform.server = () => ok(receipt, 201)
    await useTicketsStore().submit()
    expect(platform.sent[0].url).toBe('/api/v1/tickets')
    expect(platform.sent[0].data).toEqual({ businessType: 'LEGAL_CONSULTATION', regionCode: '440106',
      text: '公司拖欠我三个月工资，我该怎么办？', contactPhone: undefined })
  })
})

describe('withdrawing consent', () => {
  // the browser test found a fresh empty draft left behind: the reset draft store had saved it
  it('leaves nothing of the app on the device, not even a new empty draft', async () => {
    restartApp()
    const { useConsentStore } = await import('./consent')
    await useConsentStore().accept()
    useDraftStore().update({ text: '邻居装修噪音太大' })
    useTicketsStore().remember({ number: 'GD20261206-000001', token: 'tok' }, 'MEDIATION')

    await useConsentStore().withdraw()

    expect([...platform.storage.keys()]).toEqual([])
    expect(useDraftStore().empty).toBe(true)
    expect(useTicketsStore().saved).toEqual([])
  })
})
