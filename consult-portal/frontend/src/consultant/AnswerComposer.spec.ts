import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import AnswerComposer from './AnswerComposer.vue'
import { draftKey } from '@/composables/useDraft'

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
const NUMBER = 'GD20261206-000009'

describe('the answer composer', () => {
  beforeEach(() => {
    localStorage.clear()
    vi.stubGlobal('fetch', async (request: Request) => {
      const path = new URL(request.url).pathname
      if (path === '/api/v1/kb/search') {
        return json([
          { id: 'faq-1', type: 'faq', title: '公司拖欠工资怎么办？', snippet: '可以向<em>劳动</em>监察投诉' },
          { id: 'law-00030', type: 'statute', title: '劳动合同法 第三十条', snippet: '用人单位应当按照约定' },
        ])
      }
      if (path === '/api/v1/kb/articles/faq-1') return json({ id: 'faq-1', answer: '可以向劳动保障监察机构投诉，或申请劳动仲裁。' })
      if (path === '/api/v1/kb/statutes/law-00030') {
        return json({ id: 'law-00030', law: '中华人民共和国劳动合同法', article: '第三十条', text: '用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。' })
      }
      return new Response('{}', { status: 404 })
    })
  })
  afterEach(() => vi.unstubAllGlobals())

  function composer(send: (text: string, cited: string[]) => Promise<boolean> = async () => true) {
    return mount(AnswerComposer, { props: { number: NUMBER, username: 'consultant', busy: false, send } })
  }

  it('inserts a knowledge-base answer and cites a statute, both kept as drafts', async () => {
    const c = composer()
    await c.find('.kb-search input').setValue('拖欠工资')
    await c.find('form.kb-search').trigger('submit')
    await flushPromises()
    expect(c.findAll('.hit')).toHaveLength(1)
    await c.find('.kb-insert').trigger('click')
    await flushPromises()
    expect(localStorage.getItem(draftKey('consultant', NUMBER, 'answer'))).toBe('可以向劳动保障监察机构投诉，或申请劳动仲裁。')

    await c.find('#kb-mode-statute input').setValue(true)
    await c.find('.kb-search input').setValue('劳动合同法30条')
    await c.find('form.kb-search').trigger('submit')
    await flushPromises()
    await c.find('.kb-cite').trigger('click')
    await flushPromises()
    expect(c.find('#citations').text()).toContain('《中华人民共和国劳动合同法》第三十条')
    expect(localStorage.getItem(draftKey('consultant', NUMBER, 'citations'))).toBe('《中华人民共和国劳动合同法》第三十条')
  })

  it('sends text and citations, and forgets both drafts only once sent', async () => {
    localStorage.setItem(draftKey('consultant', NUMBER, 'answer'), '可以先与单位协商，协商不成可以向劳动人事争议仲裁委员会申请仲裁。')
    localStorage.setItem(draftKey('consultant', NUMBER, 'citations'), '《中华人民共和国劳动合同法》第三十条')
    const sent: [string, string[]][] = []
    let accept = false
    const c = composer(async (text: string, cited: string[]) => { sent.push([text, cited]); return accept })
    await c.find('#answer-send').trigger('click')
    await flushPromises()
    expect(localStorage.getItem(draftKey('consultant', NUMBER, 'answer'))).not.toBeNull()

    accept = true
    await c.find('textarea').trigger('keydown', { key: 'Enter', ctrlKey: true })
    await flushPromises()
    expect(sent[1]).toEqual(['可以先与单位协商，协商不成可以向劳动人事争议仲裁委员会申请仲裁。', ['《中华人民共和国劳动合同法》第三十条']])
    expect(localStorage.getItem(draftKey('consultant', NUMBER, 'answer'))).toBeNull()
    expect(localStorage.getItem(draftKey('consultant', NUMBER, 'citations'))).toBeNull()
  })

  it('refuses an answer too short to help', async () => {
    const c = composer()
    await c.find('textarea').setValue('去仲裁')
    await c.find('#answer-send').trigger('click')
    expect(c.text()).toContain('答复至少20个字')
  })
})
