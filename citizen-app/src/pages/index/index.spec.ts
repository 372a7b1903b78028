import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { consentGiven } from '../../../test/consent'
import { hooks, platform } from '../../../test/uni-platform'
import { useConsentStore } from '@/stores/consent'
import { useDraftStore } from '@/stores/draft'
import Home from './index.vue'

describe('the home page', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    consentGiven()
  })

  it('calls the hotline with one tap', async () => {
    const page = mount(Home)
    await hooks.load()
    await page.find('#call-hotline').trigger('tap')
    expect(platform.calls).toEqual(['12348'])
  })

  it('reminds the citizen of a question they have not sent yet', async () => {
    useDraftStore().update({ text: '邻居装修噪音太大' })
    const page = mount(Home)
    await hooks.load()
    await flushPromises()
    expect(page.find('#draft-waiting').text()).toContain('还没提交的问题')
  })

  it('shows the privacy notice first on first use', async () => {
    await useConsentStore().withdraw()
    mount(Home)
    await hooks.load()
    expect(platform.navigations).toEqual(['/pages/consent/index?next=%2Fpages%2Findex%2Findex'])
  })
})
