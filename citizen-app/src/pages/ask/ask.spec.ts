import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ok } from '../../../test/json'
import { consentGiven } from '../../../test/consent'
import { hooks, platform, type SentRequest } from '../../../test/uni-platform'
import { useConsentStore } from '@/stores/consent'
import { useDraftStore } from '@/stores/draft'
import Ask from './index.vue'

const hit = { id: 'faq-wages', type: 'faq', title: '单位拖欠工资怎么办？', snippet: '拖欠<em>工资</em>的，可以&lt;先&gt;协商',
  category: '劳动争议', score: 3.2, impression: 'imp-123' }

function server(req: SentRequest) {
  if (req.url === '/api/v1/regions') {
    return ok([{ code: '440000', name: '广东省' }])
  }
  if (req.url === '/api/v1/regions?parent=440000') {
    return ok([{ code: '440100', name: '广州市' }, { code: '440300', name: '深圳市' }])
  }
  if (req.url === '/api/v1/regions?parent=440100') {
    return ok([{ code: '440101', name: '市辖区' }, { code: '440106', name: '天河区' }])
  }
  if (req.url.startsWith('/api/v1/kb/search')) {
    return ok([hit, { ...hit, id: 'law-1', type: 'statute', impression: null }])
  }
  if (req.url === '/api/v1/kb/articles/faq-wages') {
    return ok({ id: 'faq-wages', question: hit.title, answer: '先书面催告，再投诉或申请仲裁。', laws: ['劳动合同法第三十条'] })
  }
  if (req.url === '/api/v1/kb/deflections') {
    return { status: 204 }
  }
  if (req.url === '/api/v1/tickets') {
    return ok({ number: 'GD20261206-000003', status: 'ROUTED', trackingToken: 'tok-3' }, 201)
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
}

describe('the ask page', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    consentGiven()
    platform.server = server
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('offers the services in plain words and preselects the centre\'s province', async () => {
    const page = await openAsk()
    const types = page.findAll('.type-name').map((t) => t.text())
    expect(types).toHaveLength(9)
    expect(types[0]).toBe('法律咨询')
    expect(page.find('#region-province').text()).toContain('广东省')
    expect(page.find('#region-city').text()).toContain('请选择城市')
  })

  it('asks for the city before sending anything', async () => {
    const page = await openAsk()
    await type(page, '公司拖欠我三个月工资，我该怎么办？')
    await page.find('#ask-submit').trigger('tap')
    expect(page.find('#region-required').text()).toBe('请选择您所在的城市。')
    expect(platform.sent.some((r) => r.url === '/api/v1/tickets')).toBe(false)
  })

  it('chooses city and county from the lists, skipping the placeholder district', async () => {
    const page = await openAsk()
    await page.find('#region-city').trigger('tap')
    await flushPromises()
    await page.find('.region-option[data-code="440100"]').trigger('tap')
    await page.find('#region-county').trigger('tap')
    await flushPromises()
    expect(page.findAll('.region-option').map((o) => o.text())).toEqual(['不选区县', '天河区'])
    await page.find('.region-option[data-code="440106"]').trigger('tap')
    expect(useDraftStore().draft.regionCode).toBe('440106')
    expect(useDraftStore().draft.regionPath).toEqual(['440000', '440100', '440106'])
  })

  it('shows the knowledge base\'s answers while typing and records "this solved my problem" with the impression', async () => {
    vi.useFakeTimers()
    const page = await openAsk()
    await type(page, '公司拖欠工资不发怎么办')
    await vi.advanceTimersByTimeAsync(450)
    await flushPromises()

    const shown = page.findAll('.suggestion')
    expect(shown).toHaveLength(1) // statutes are not offered as answers
    expect(shown[0].text()).toContain('拖欠工资的，可以<先>协商')
    await shown[0].find('.suggestion-title').trigger('tap')
    await flushPromises()
    expect(page.find('.suggestion-answer').text()).toContain('先书面催告')
    await page.find('.solved-button').trigger('tap')
    await flushPromises()

    const deflection = platform.sent.find((r) => r.url === '/api/v1/kb/deflections')
    expect(deflection?.data).toEqual({ articleId: 'faq-wages', query: '公司拖欠工资不发怎么办', impression: 'imp-123' })
    expect(page.find('#suggestion-solved').text()).toContain('不用再提交咨询')
    expect(platform.sent.some((r) => r.url === '/api/v1/tickets')).toBe(false)
  })

  it('submits once and shows the receipt page with the number', async () => {
    useDraftStore().update({ regionPath: ['440000', '440100'], regionCode: '440100' })
    const page = await openAsk()
    await type(page, '公司拖欠我三个月工资，我该怎么办？')
    await page.find('#ask-submit').trigger('tap')
    await page.find('#ask-submit').trigger('tap')
    await flushPromises()
    expect(platform.sent.filter((r) => r.url === '/api/v1/tickets')).toHaveLength(1)
    expect(platform.navigations.at(-1)).toBe('/pages/ask/done?number=GD20261206-000003')
  })

  it('keeps what was typed and says what to do when the network fails', async () => {
    useDraftStore().update({ regionPath: ['440000', '440100'], regionCode: '440100' })
    const page = await openAsk()
    await type(page, '公司拖欠我三个月工资，我该怎么办？')
    platform.server = (req) => (req.url === '/api/v1/tickets' ? 'network-failure' : server(req))
    await page.find('#ask-submit').trigger('tap')
    await flushPromises()
    expect(page.find('#ask-error').text()).toContain('请检查网络后再试一次，不会重复提交')
    expect(useDraftStore().draft.text).toBe('公司拖欠我三个月工资，我该怎么办？')
  })

  it('sends a citizen without consent to the privacy notice first', async () => {
    await useConsentStore().withdraw()
    await openAsk()
    expect(platform.navigations[0]).toBe('/pages/consent/index?next=%2Fpages%2Fask%2Findex')
  })
})
