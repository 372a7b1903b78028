import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import Composer from './Composer.vue'
import { draftKey } from '@/composables/useDraft'

describe('the composer', () => {
  beforeEach(() => localStorage.clear())

  it('sends the reply with Ctrl+Enter and forgets the draft once sent', async () => {
    const sent: [string, string][] = []
    const composer = mount(Composer, {
      props: { ticket: 'GD20261206-000001', username: 'dispatcher', busy: false,
        send: async (kind: 'reply' | 'note', text: string) => { sent.push([kind, text]); return true } },
    })
    const box = composer.find('textarea')
    await box.setValue('您好，您的问题已转法律援助中心办理。')
    expect(localStorage.getItem(draftKey('dispatcher', 'GD20261206-000001', 'reply'))).toBe('您好，您的问题已转法律援助中心办理。')

    await box.trigger('keydown', { key: 'Enter', ctrlKey: true })
    await flushPromises()

    expect(sent).toEqual([['reply', '您好，您的问题已转法律援助中心办理。']])
    expect(localStorage.getItem(draftKey('dispatcher', 'GD20261206-000001', 'reply'))).toBeNull()
    expect((box.element as HTMLTextAreaElement).value).toBe('')
  })

  it('keeps the draft when sending failed, and refuses a reply too short to help', async () => {
    const composer = mount(Composer, {
      props: { ticket: 'GD20261206-000002', username: 'dispatcher', busy: false, send: async () => false },
    })
    const box = composer.find('textarea')
    await box.setValue('好的')
    await box.trigger('keydown', { key: 'Enter', ctrlKey: true })
    expect(composer.text()).toContain('答复至少5个字')

    await box.setValue('请携带劳动合同和工资流水到中心。')
    await box.trigger('keydown', { key: 'Enter', ctrlKey: true })
    await flushPromises()
    expect(localStorage.getItem(draftKey('dispatcher', 'GD20261206-000002', 'reply'))).toBe('请携带劳动合同和工资流水到中心。')
  })

  it('restores what was typed after a reload', () => {
    localStorage.setItem(draftKey('dispatcher', 'GD20261206-000003', 'reply'), '上次没写完的答复')
    const composer = mount(Composer, {
      props: { ticket: 'GD20261206-000003', username: 'dispatcher', busy: false, send: async () => true },
    })
    expect((composer.find('textarea').element as HTMLTextAreaElement).value).toBe('上次没写完的答复')
  })
})

describe('the composer\'s canned replies', () => {
  const NUMBER = 'GD20261206-000004'
  const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
  let asked = ''

  beforeEach(() => {
    localStorage.clear()
    document.body.innerHTML = ''
    asked = ''
    vi.stubGlobal('fetch', async (request: Request) => {
      const url = new URL(request.url)
      if (url.pathname === '/api/v1/staff/canned-replies') {
        asked = url.searchParams.get('unit') ?? ''
        return json([
          { id: 1, unitCode: 'GD-4401-LEGAL-AID', title: '离婚材料', text: '请携带结婚证。' },
          { id: 2, unitCode: 'GD-4401-LEGAL-AID', title: '欠薪材料', text: '{{citizenName}}您好，工单{{ticketNumber}}已由{{unitName}}受理。' },
        ])
      }
      return new Response('{}', { status: 404 })
    })
  })
  afterEach(() => vi.unstubAllGlobals())

  function composer(citizenName: string) {
    return mount(Composer, {
      attachTo: document.body,
      props: { ticket: NUMBER, username: 'handler-gz', busy: false, send: async () => true,
        unitCode: 'GD-4401-LEGAL-AID', unitName: '广州市法律援助中心', canManageReplies: false,
        replyVariables: { citizenName, ticketNumber: NUMBER, unitName: '广州市法律援助中心' } },
    })
  }

  it('opens with Ctrl+K, filters, and inserts the chosen reply filled in at the cursor', async () => {
    const c = composer('王小明')
    const box = c.find('textarea')
    await box.setValue('开头\n结尾')
    ;(box.element as HTMLTextAreaElement).setSelectionRange(3, 3)
    await box.trigger('keydown', { key: 'k', ctrlKey: true })
    await flushPromises()
    expect(asked).toBe('GD-4401-LEGAL-AID')

    const filter = document.querySelector('#canned-filter') as HTMLInputElement
    filter.value = '欠薪'
    filter.dispatchEvent(new Event('input'))
    await flushPromises()
    expect(document.querySelectorAll('#canned-list .reply')).toHaveLength(1)
    filter.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }))
    await flushPromises()

    expect((box.element as HTMLTextAreaElement).value)
      .toBe(`开头\n王小明您好，工单${NUMBER}已由广州市法律援助中心受理。\n结尾`)
    expect(localStorage.getItem(draftKey('handler-gz', NUMBER, 'reply'))).toContain('王小明您好')
    c.unmount()
  })

  it('greets with 您好 when the citizen\'s name is not shown, and offers no editing to those who may not', async () => {
    const c = composer('')
    await c.find('#canned-open').trigger('click')
    await flushPromises()
    expect(document.querySelector('#canned-new')).toBeNull()
    ;(document.querySelectorAll('#canned-list .reply')[1] as HTMLElement).click()
    await flushPromises()
    expect((c.find('textarea').element as HTMLTextAreaElement).value).toBe(`您好，工单${NUMBER}已由广州市法律援助中心受理。`)
    c.unmount()
  })
})
