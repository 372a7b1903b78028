import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import CannedReplyPicker from './CannedReplyPicker.vue'
import { draftKey } from '@/composables/useDraft'

const UNIT = 'GD-4401-LEGAL-AID'
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

describe('editing canned replies', () => {
  const sent: { method: string; path: string; body: unknown }[] = []

  beforeEach(() => {
    localStorage.clear()
    document.body.innerHTML = ''
    sent.length = 0
    vi.stubGlobal('fetch', async (request: Request) => {
      const path = new URL(request.url).pathname
      const body = request.method === 'GET' || request.method === 'DELETE' ? null : await request.json()
      sent.push({ method: request.method, path, body })
      if (request.method === 'GET') return json([{ id: 5, unitCode: UNIT, title: '欠薪材料', text: '请携带劳动合同。' }])
      if (request.method === 'POST') return json({ code: 'cannedReply.titleTaken', field: 'title', detail: '本单位已有同名的常用回复' }, 400)
      return json({ id: 5, unitCode: UNIT, title: '欠薪材料', text: '请携带劳动合同和工资流水。' })
    })
  })
  afterEach(() => vi.unstubAllGlobals())

  function picker() {
    return mount(CannedReplyPicker, {
      attachTo: document.body,
      props: { open: false, unitCode: UNIT, unitName: '广州市法律援助中心', username: 'handler-gz', canManage: true,
        vars: { citizenName: '', ticketNumber: 'GD20261206-000001', unitName: '广州市法律援助中心' } },
    })
  }

  it('reopens an edit left before a reload and saves it over the same reply', async () => {
    localStorage.setItem(draftKey('handler-gz', UNIT, 'canned-id'), '5')
    localStorage.setItem(draftKey('handler-gz', UNIT, 'canned-title'), '欠薪材料')
    localStorage.setItem(draftKey('handler-gz', UNIT, 'canned-text'), '请携带劳动合同和工资流水。')
    const p = picker()
    await p.setProps({ open: true })
    await flushPromises()
    expect((document.querySelector('#canned-text') as HTMLTextAreaElement).value).toBe('请携带劳动合同和工资流水。')

    ;(document.querySelector('#canned-save') as HTMLElement).click()
    await flushPromises()

    expect(sent.filter((s) => s.method === 'PUT')).toEqual([{ method: 'PUT', path: '/api/v1/staff/canned-replies/5',
      body: { title: '欠薪材料', text: '请携带劳动合同和工资流水。' } }])
    expect(localStorage.getItem(draftKey('handler-gz', UNIT, 'canned-text'))).toBeNull()
    p.unmount()
  })

  it('keeps what was typed when the server refuses the title', async () => {
    const p = picker()
    await p.setProps({ open: true })
    await flushPromises()
    ;(document.querySelector('#canned-new') as HTMLElement).click()
    await flushPromises()
    for (const [id, value] of [['#canned-title', '欠薪材料'], ['#canned-text', '另一条回复']]) {
      const field = document.querySelector(id) as HTMLInputElement
      field.value = value
      field.dispatchEvent(new Event('input'))
    }
    ;(document.querySelector('#canned-save') as HTMLElement).click()
    await flushPromises()

    expect(sent.filter((s) => s.method === 'POST')).toHaveLength(1)
    expect(document.querySelector('.el-form-item.is-error #canned-title')).not.toBeNull()
    expect(localStorage.getItem(draftKey('handler-gz', UNIT, 'canned-text'))).toBe('另一条回复')
    p.unmount()
  })
})
