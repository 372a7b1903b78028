import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { answeredTicket, ok, webTicket } from '../../../test/json'
import { consentGiven } from '../../../test/consent'
import { hooks, platform, type SentRequest } from '../../../test/uni-platform'
import { useTicketsStore } from '@/stores/tickets'
import Detail from './detail.vue'

const NUMBER = 'GD20261206-000001'

/** Visible text with ticket numbers taken out: what remains must hold no Latin letters. */
function codesIn(text: string): string[] {
  return text.replace(/[A-Z]{2}\d{8}-\d{6}/g, '').match(/[A-Za-z][A-Za-z_.]*/g) ?? []
}

async function openDetail() {
  const wrapper = mount(Detail)
  await hooks.load({ number: NUMBER })
  await flushPromises()
  return wrapper
}

describe('the consultation page', () => {
  let ticket: Record<string, unknown>

  beforeEach(() => {
    setActivePinia(createPinia())
    consentGiven()
    useTicketsStore().remember({ number: NUMBER, token: 'tok-1' }, 'LEGAL_CONSULTATION')
    ticket = answeredTicket()
    platform.server = (req: SentRequest) => {
      if (req.method === 'GET' && req.url === `/api/v1/tickets/${NUMBER}`) {
        return ok(ticket)
      }
      if (req.method === 'POST' && req.url.endsWith('/rating')) {
        const score = (req.data as { score: number }).score
        ticket = { ...ticket, satisfaction: score }
        return ok(ticket)
      }
      return { status: 404, data: {} }
    }
  })

  it('shows the answer in words, with the tracking token sent and no codes on the page', async () => {
    const page = await openDetail()

    expect(platform.sent[0].header['X-Tracking-Token']).toBe('tok-1')
    expect(page.find('#ticket-status').text()).toBe('已答复')
    expect(page.find('#conversation').text()).toContain('可以向劳动保障监察机构投诉')
    expect(page.text()).not.toContain('R-07') // the routing entry's rule id stays with staff
    expect(codesIn(page.text())).toEqual([])
  })

  it('rates once; a second rating from a page left open is refused politely and changes nothing', async () => {
    const page = await openDetail()
    const stale = await (async () => {
      hooks.reset()
      return openDetail() // the same consultation open a second time (another tab)
    })()

    await page.find('[data-score="4"]').trigger('tap')
    await page.find('#rate-submit').trigger('tap')
    await flushPromises()
    expect(page.find('#my-rating').text()).toBe('4分（满意）')
    expect(page.find('#detail-notice').text()).toBe('谢谢您的评价！')

    await stale.find('[data-score="1"]').trigger('tap')
    await stale.find('#rate-submit').trigger('tap')
    await flushPromises()

    expect(stale.find('#detail-notice').text()).toContain('您已经评价过这件咨询了，每件咨询只能评价一次')
    expect(stale.find('#my-rating').text()).toBe('4分（满意）')
    expect(platform.sent.filter((r) => r.url.endsWith('/rating'))).toHaveLength(1)
    expect(ticket.satisfaction).toBe(4)
  })

  it('sends a follow-up retried after a lost answer with the same key, and the next one with a new key', async () => {
    const server = platform.server
    let lose = true
    platform.server = (req: SentRequest) => {
      if (req.method === 'POST' && req.url.endsWith('/follow-ups')) {
        if (lose) {
          lose = false
          return 'network-failure'
        }
        return ok(ticket)
      }
      return server(req)
    }
    const page = await openDetail()
    const send = async (text: string) => {
      await page.find('#follow-up').trigger('input', { detail: { value: text } })
      await page.find('#follow-up-submit').trigger('tap')
      await flushPromises()
    }

    await send('周六开门吗？')
    expect(page.find('#detail-error').text()).toContain('请检查网络后再试一次')
    await page.find('#follow-up-submit').trigger('tap')
    await flushPromises()
    await send('周日呢？')

    const keys = platform.sent.filter((r) => r.url.endsWith('/follow-ups')).map((r) => r.header['Idempotency-Key'])
    expect(keys).toHaveLength(3)
    expect(keys[0]).toBeTruthy()
    expect(keys[1]).toBe(keys[0])
    expect(keys[2]).not.toBe(keys[0])
  })

  it('says what to do when the consultation is not on this device', async () => {
    platform.storage.clear()
    useTicketsStore().$reset()
    const page = await openDetail()
    expect(page.find('#ticket-missing').text()).toContain('输入咨询编号和查询码')
    expect(platform.sent).toHaveLength(0)
  })

  it('follows a merged consultation to the one that carries on', async () => {
    ticket = answeredTicket({ status: 'CLOSED', mergedInto: 'GD20261206-000009', mergedIntoToken: 'tok-9' })
    const page = await openDetail()
    expect(page.find('#merged-into').text()).toContain('GD20261206-000009')
    await page.find('#open-merged').trigger('tap')
    expect(platform.navigations.at(-1)).toBe('/pages/tickets/detail?number=GD20261206-000009')
    // the web keeps the surviving ticket with the query code the server handed over
    expect(useTicketsStore().find('GD20261206-000009')?.token).toBe('tok-9')
  })

  it('shows the citizen\'s legal deadline in words, with its statute and that it is general information', async () => {
    const server = platform.server
    platform.server = (req: SentRequest) => req.url === `/api/v1/tickets/${NUMBER}/clocks`
      ? ok({
        clocks: [{ id: 1, type: 'LABOUR_ARBITRATION', name: '劳动仲裁申请期限', state: 'DUE', dueDate: '2027-03-15',
          daysLeft: 98, summary: '劳动仲裁申请期限：2027年3月15日截止，还剩98天',
          statute: '中华人民共和国劳动争议调解仲裁法 第二十七条', warnings: ['2027年节假日安排为暂定，截止日可能变化'],
          events: [] }],
        disclaimer: '期限按法律规定推算，仅供参考，不构成法律意见；具体请以工作人员的答复为准。',
      })
      : server(req)
    const page = await openDetail()

    const card = page.find('#legal-clocks').text()
    expect(card).toContain('2027年3月15日截止，还剩98天')
    expect(card).toContain('劳动争议调解仲裁法 第二十七条')
    expect(card).toContain('暂定')
    expect(card).toContain('不构成法律意见')
    const clockCall = platform.sent.find((r) => r.url.endsWith('/clocks'))
    expect(clockCall?.header['X-Tracking-Token']).toBe('tok-1')
    expect(codesIn(page.text())).toEqual([])
  })

  it('explains a network failure with the next step', async () => {
    platform.server = () => 'network-failure'
    const page = await openDetail()
    expect(page.find('#detail-error').text()).toContain('请检查网络后再试一次')
  })
})

describe('a consultation waiting for its answer', () => {
  afterEach(() => {
    vi.useRealTimers()
    hooks.reset()
  })

  it('shows the answer when it comes, after a failed look too, and stops looking once hidden', async () => {
    vi.useFakeTimers()
    setActivePinia(createPinia())
    consentGiven()
    useTicketsStore().remember({ number: NUMBER, token: 'tok-1' }, 'LEGAL_CONSULTATION')
    const answers = [ok(webTicket()), { status: 503, data: {} }, ok(answeredTicket())]
    platform.server = (req: SentRequest) => req.url.endsWith('/clocks') ? ok({ clocks: [], disclaimer: '' })
      : req.url.endsWith('/attachments') ? ok([])
        : answers.shift() ?? ok(answeredTicket())
    const page = await openDetail()
    expect(page.find('#ticket-status').text()).toBe('等待受理')

    await vi.advanceTimersByTimeAsync(15000) // the network fails once: the page says so and tries again soon
    expect(page.text()).toContain('服务暂时繁忙')
    await vi.advanceTimersByTimeAsync(5000)
    expect(page.find('#ticket-status').text()).toBe('已答复')
    expect(page.text()).not.toContain('服务暂时繁忙')

    const looks = platform.sent.length
    await hooks.hide()
    await vi.advanceTimersByTimeAsync(60000)
    expect(platform.sent.length).toBe(looks) // answered, and hidden: no more looks
    expect(page.find('#legal-clocks').exists()).toBe(false) // no clocks recorded: no empty card
  })
})
