import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import RerouteDialog from './RerouteDialog.vue'
import RegionPicker from './RegionPicker.vue'
import { useReference } from '@/stores/reference'
import { draftKey } from '@/composables/useDraft'

describe('the reroute dialog', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
    localStorage.clear()
    setActivePinia(createPinia())
    useReference().businessTypes = [{ code: 'LEGAL_AID', name: '法律援助' }, { code: 'NOTARIZATION', name: '公证' }]
    vi.stubGlobal('fetch', async () => new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } }))
  })
  afterEach(() => vi.unstubAllGlobals())

  it('asks for the region and a reason, then routes with what was chosen and closes', async () => {
    const calls: string[][] = []
    const dialog = mount(RerouteDialog, {
      attachTo: document.body,
      props: { open: false, ticket: 'GD20261206-000001', username: 'dispatcher', regionName: '广东省广州市天河区', businessType: 'LEGAL_AID', busy: false,
        'onUpdate:open': (open: boolean) => dialog.setProps({ open }),
        reroute: async (region: string, type: string, reason: string) => { calls.push([region, type, reason]); return true } },
    })
    await dialog.setProps({ open: true })
    await flushPromises()
    expect(document.body.textContent).toContain('现为：广东省广州市天河区 · 法律援助')

    ;(document.querySelector('#reroute-submit') as HTMLElement).click()
    await flushPromises()
    // the messages fade in (a transition the test does not run); the fields are marked at once
    expect([...document.querySelectorAll('.el-form-item.is-error .el-form-item__label')].map((l) => l.textContent))
      .toEqual(['地区', '更正理由'])
    expect(calls).toEqual([])

    dialog.findComponent(RegionPicker).vm.$emit('update:modelValue', '440305')
    const reason = document.querySelector('#reroute-reason') as HTMLTextAreaElement
    reason.value = '市民实际在深圳'
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    expect(localStorage.getItem(draftKey('dispatcher', 'GD20261206-000001', 'reroute-reason'))).toBe('市民实际在深圳')
    ;(document.querySelector('#reroute-submit') as HTMLElement).click()
    await flushPromises()

    expect(calls).toEqual([['440305', 'LEGAL_AID', '市民实际在深圳']])
    expect(dialog.props('open')).toBe(false)
    expect(localStorage.getItem(draftKey('dispatcher', 'GD20261206-000001', 'reroute-reason'))).toBeNull()
    dialog.unmount()
  })
})
