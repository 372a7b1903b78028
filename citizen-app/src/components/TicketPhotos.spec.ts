import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '../../test/json'
import { platform, type SentRequest } from '../../test/uni-platform'
import { useChannelForTests } from '@/platform/channel'
import TicketPhotos from './TicketPhotos.vue'

const NUMBER = 'GD20261207-000021'
const WEB_LIST = `/api/v1/tickets/${NUMBER}/attachments`

const photo = { id: 7, fileName: '工资条.jpg', contentType: 'image/jpeg', typeName: 'JPG图片',
  contentUrl: `${WEB_LIST}/7/content` }
const contract = { id: 8, fileName: '劳动合同.pdf', contentType: 'application/pdf', typeName: 'PDF文档',
  contentUrl: `${WEB_LIST}/8/content` }

describe('the photos and papers of a consultation', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => useChannelForTests('web'))

  it('on the web: shows the citizen\'s photos fetched with the query code, papers by name, and adds more', async () => {
    let listed = [photo, contract]
    platform.server = (req: SentRequest) => {
      if (req.filePath !== undefined) {
        listed = [...listed, { ...photo, id: 9, contentUrl: `${WEB_LIST}/9/content` }]
        return ok({ id: 9 }, 201)
      }
      return req.url === WEB_LIST ? ok(listed) : ok('')
    }
    const page = mount(TicketPhotos, { props: { ticketRef: { number: NUMBER, token: 'tok-21' }, canAdd: true } })
    await flushPromises()

    expect(page.findAll('image')).toHaveLength(1)
    expect(page.find('image').attributes('src')).toBe('tmp://7-content')
    expect(page.find('.file-line').text()).toBe('劳动合同.pdf（PDF文档）')
    const fetched = platform.sent.find((r) => r.url === `${WEB_LIST}/7/content`)
    expect(fetched?.header['X-Tracking-Token']).toBe('tok-21')
    expect(platform.sent.some((r) => r.url.endsWith('/8/content'))).toBe(false) // a paper is not fetched to show
    await page.find('image').trigger('tap')
    expect(platform.previewed).toEqual(['tmp://7-content'])

    platform.picked = ['blob:new']
    await page.find('#add-more-photos').trigger('tap')
    await flushPromises()

    const upload = platform.sent.find((r) => r.filePath === 'blob:new')
    expect(upload?.url).toBe(WEB_LIST)
    expect(upload?.header['X-Tracking-Token']).toBe('tok-21')
    expect(page.find('#photo-add-status').text()).toBe('照片已上传。')
    expect(page.findAll('image')).toHaveLength(2)
  })

  it('in WeChat: under the session, and a refused photo says why in words', async () => {
    useChannelForTests('wechat')
    platform.server = (req: SentRequest) => {
      if (req.url === '/api/v1/miniapp/wechat/sessions') {
        return ok({ token: 'mp', expiresAt: new Date(Date.now() + 7_200_000).toISOString() })
      }
      if (req.filePath !== undefined) {
        return { status: 409, data: { code: 'file.tooMany', field: 'file', detail: '每个工单最多10个附件，已达上限' } }
      }
      return ok([])
    }
    const page = mount(TicketPhotos, { props: { ticketRef: { number: NUMBER }, canAdd: true } })
    await flushPromises()
    expect(page.text()).toContain('可以拍照补充')

    platform.picked = ['wx-9']
    await page.find('#add-more-photos').trigger('tap')
    await flushPromises()

    const upload = platform.sent.find((r) => r.filePath !== undefined)
    expect(upload?.url).toBe(`/api/v1/miniapp/tickets/${NUMBER}/attachments`)
    expect(upload?.filePath).toBe('wx-9#compressed')
    expect(upload?.header.Authorization).toBe('Bearer mp')
    expect(page.find('#photo-add-error').text()).toContain('每个工单最多10个附件，已达上限')
  })

  it('offers nothing to add on a closed consultation with nothing sent', async () => {
    platform.server = () => ok([])
    const page = mount(TicketPhotos, { props: { ticketRef: { number: NUMBER, token: 't' }, canAdd: false } })
    await flushPromises()
    expect(page.find('#my-photos').exists()).toBe(false)
  })
})
