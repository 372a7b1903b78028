import { beforeEach, describe, expect, it } from 'vitest'
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
