import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ok } from '../../../test/json'
import { consentGiven } from '../../../test/consent'
import { hooks, platform, type SentRequest } from '../../../test/uni-platform'
import { useDraftStore } from '@/stores/draft'
import Ask from './index.vue'

// Issue 22: the ask form asks for the day a legal clock of the question starts ("我是哪天被辞退的"), when
// the server's clock table says one applies; the date is optional, kept with the draft and sent with it.

const LABOUR = '公司上个月把我辞退了，没有给任何补偿，我该怎么办？'
const WILL = '想咨询一下遗嘱怎么写才有效？'
const question = { applies: true, type: 'LABOUR_ARBITRATION', name: '劳动仲裁申请期限',
  question: '您是哪天被辞退（或知道权益受损）的？', earliest: '2006-12-08', latest: '2026-12-08' }

function server(req: SentRequest) {
  if (req.url === '/api/v1/clock-question') {
    const body = req.data as { businessType: string; text: string }
    return ok(body.text.includes('辞退') ? question : { applies: false })
  }
  if (req.url.startsWith('/api/v1/regions') || req.url.startsWith('/api/v1/kb/search')) {
    return ok([])
  }
  if (req.url === '/api/v1/tickets') {
    return ok({ number: 'GD20261208-000009', status: 'ROUTED', trackingToken: 'tok-9' }, 201)
  }
  return { status: 404, data: {} }
}

async function openAsk() {
  const page = mount(Ask)
  await hooks.load()
  await flushPromises()
  return page
}

async function type(page: ReturnType<typeof mount>, text: string) {
  await page.find('#question').trigger('input', { detail: { value: text } })
  await vi.advanceTimersByTimeAsync(650)
  await flushPromises()
}

async function pick(page: ReturnType<typeof mount>, day: string) {
  await page.find('picker').trigger('change', { detail: { value: day } })
  await flushPromises()
}

describe('the legal-clock date on the ask page', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    consentGiven()
    platform.server = server
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('appears for a question a clock applies to, with the server\'s question and bounds, and goes for others', async () => {
    const page = await openAsk()
    expect(page.find('#clock-date').exists()).toBe(false)

    await type(page, LABOUR)
    const asked = platform.sent.filter((r) => r.url === '/api/v1/clock-question').at(-1)
    expect(asked?.method).toBe('POST')
    expect(asked?.data).toEqual({ businessType: 'LEGAL_CONSULTATION', text: LABOUR })
    expect(page.find('#clock-date-question').text()).toBe('您是哪天被辞退（或知道权益受损）的？')
    expect(page.find('#clock-date').text()).toContain('选填，帮助工作人员提醒您的法律期限')
    const picker = page.find('picker')
    expect(picker.attributes('mode')).toBe('date')
    expect(picker.attributes('start')).toBe('2006-12-08')
    expect(picker.attributes('end')).toBe('2026-12-08') // not in the future
    expect(page.find('#clock-date-value').text()).toBe('点这里选择日期')

    await type(page, WILL)
    expect(page.find('#clock-date').exists()).toBe(false)
  })

  it('keeps the picked date with the draft across a reload and sends it with the question', async () => {
    useDraftStore().update({ regionPath: ['440000', '440100'], regionCode: '440100' })
    let page = await openAsk()
    await type(page, LABOUR)
    await pick(page, '2026-11-20')
    expect(page.find('#clock-date-value').text()).toBe('2026年11月20日')
    await pick(page, '2026-12-31') // outside the picker's days: not taken
    expect(useDraftStore().draft.triggerDate).toBe('2026-11-20')
    page.unmount()

    // the app is closed and opened again: new stores reading what the device kept
    setActivePinia(createPinia())
    page = await openAsk()
    expect(page.find('#clock-date-value').text()).toBe('2026年11月20日')
    await vi.advanceTimersByTimeAsync(650)
    await flushPromises()
    expect(page.find('#clock-date-value').text()).toBe('2026年11月20日')

    await page.find('#ask-submit').trigger('tap')
    await flushPromises()
    const sent = platform.sent.find((r) => r.url === '/api/v1/tickets')
    expect(sent?.data).toMatchObject({ text: LABOUR, triggerDate: '2026-11-20' })
    // the next question starts without it
    expect(useDraftStore().draft.triggerDate).toBe('')
    expect(useDraftStore().draft.clockQuestion).toBeNull()
  })

  it('does not send a date whose question no longer applies, and can be cleared', async () => {
    useDraftStore().update({ regionPath: ['440000', '440100'], regionCode: '440100' })
    const page = await openAsk()
    await type(page, LABOUR)
    await pick(page, '2026-11-20')
    await page.find('#clock-date-clear').trigger('tap')
    expect(useDraftStore().draft.triggerDate).toBe('')
    await pick(page, '2026-11-21')

    await type(page, WILL)
    await page.find('#ask-submit').trigger('tap')
    await flushPromises()
    const sent = platform.sent.find((r) => r.url === '/api/v1/tickets')
    expect(sent?.data).not.toHaveProperty('triggerDate', '2026-11-21')
    expect((sent?.data as Record<string, unknown>).triggerDate).toBeUndefined()
  })

  it('shows the server\'s refusal of the date at the field, and keeps the form', async () => {
    useDraftStore().update({ regionPath: ['440000', '440100'], regionCode: '440100' })
    const page = await openAsk()
    await type(page, LABOUR)
    await pick(page, '2026-11-20')
    platform.server = (req) => (req.url === '/api/v1/tickets'
      ? { status: 400, data: { code: 'date.future', field: 'triggerDate', detail: '日期不能晚于今天' } }
      : server(req))

    await page.find('#ask-submit').trigger('tap')
    await flushPromises()

    expect(page.find('#trigger-date-error').text()).toContain('日期不能晚于今天')
    expect(useDraftStore().draft.triggerDate).toBe('2026-11-20')
  })

  it('leaves the form as it is when the question cannot be asked', async () => {
    platform.server = (req) => (req.url === '/api/v1/clock-question' ? 'network-failure' : server(req))
    const page = await openAsk()
    await type(page, LABOUR)
    expect(page.find('#clock-date').exists()).toBe(false)
    expect(page.find('#ask-error').exists()).toBe(false)
  })
})
