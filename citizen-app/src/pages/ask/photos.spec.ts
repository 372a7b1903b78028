import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '../../../test/json'
import { consentGiven } from '../../../test/consent'
import { hooks, platform, type SentRequest } from '../../../test/uni-platform'
import { useChannelForTests } from '@/platform/channel'
import { useDraftStore } from '@/stores/draft'
import Ask from './index.vue'
import Done from './done.vue'

const NUMBER = 'GD20261207-000011'

/** Regions, the intake of both doors, a mini-program session, and uploads as `answerUpload` says. */
function serverWith(answerUpload: (req: SentRequest) => ReturnType<typeof platform.server>) {
  return (req: SentRequest) => {
    if (req.filePath !== undefined) {
      return answerUpload(req)
    }
    if (req.url.startsWith('/api/v1/regions')) {
      return ok([])
    }
    if (req.url === '/api/v1/tickets') {
      return ok({ number: NUMBER, status: 'ROUTED', trackingToken: 'tok-11' }, 201)
    }
    if (req.url === '/api/v1/miniapp/questions') {
      return ok({ number: NUMBER, status: 'ROUTED' }, 201)
    }
    if (req.url === '/api/v1/miniapp/wechat/sessions') {
      return ok({ token: 'mp-session', expiresAt: new Date(Date.now() + 7_200_000).toISOString() })
    }
    return { status: 404, data: {} }
  }
}

async function askWithPhotos(picked: string[]) {
  useDraftStore().update({ regionPath: ['440000', '440100'], regionCode: '440100' })
  const ask = mount(Ask)
  await hooks.load()
  await flushPromises()
  await ask.find('#question').trigger('input', { detail: { value: '公司拖欠工资，附上工资条和劳动合同的照片' } })
  platform.picked = picked
  await ask.find('#add-photo').trigger('tap')
  await flushPromises()
  return ask
}

async function submitAndOpenDone(ask: ReturnType<typeof mount>) {
  await ask.find('#ask-submit').trigger('tap')
  await flushPromises()
  hooks.reset()
  const done = mount(Done)
  await hooks.load({ number: NUMBER })
  await flushPromises()
  return done
}

const uploads = () => platform.sent.filter((r) => r.filePath !== undefined)

describe('photos with a question', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    consentGiven()
  })
  afterEach(() => useChannelForTests('web'))

  it('on the web: up to three, one removed after asking, the rest sent with the tracking token after the question', async () => {
    platform.server = serverWith(() => ok({ id: 1 }, 201))
    const ask = await askWithPhotos(['blob:a', 'blob:b', 'blob:c', 'blob:d'])

    expect(ask.findAll('.thumb')).toHaveLength(3)
    expect(ask.find('#add-photo').exists()).toBe(false)
    await ask.find('.btn-remove[data-index="1"]').trigger('tap')
    expect(ask.findAll('.thumb')).toHaveLength(2)
    expect(uploads()).toHaveLength(0) // nothing goes before the question itself

    const done = await submitAndOpenDone(ask)

    expect(uploads().map((r) => [r.url, r.filePath, r.header['X-Tracking-Token']])).toEqual([
      [`/api/v1/tickets/${NUMBER}/attachments`, 'blob:a', 'tok-11'],
      [`/api/v1/tickets/${NUMBER}/attachments`, 'blob:c', 'tok-11'],
    ])
    expect(done.find('#photo-status').text()).toBe('2张照片都已上传，工作人员处理时可以看到。')
  })

  it('in WeChat: shrunk on the phone, sent under the session; a failed one says why and is sent again on retry', async () => {
    useChannelForTests('wechat')
    let refuseOnce = true
    platform.server = serverWith((req) => {
      if (req.filePath === 'wx-2#compressed' && refuseOnce) {
        refuseOnce = false
        return 'network-failure'
      }
      return ok({ id: 2 }, 201)
    })
    const ask = await askWithPhotos(['wx-1', 'wx-2'])

    const done = await submitAndOpenDone(ask)

    expect(uploads().map((r) => [r.url, r.filePath, r.header.Authorization])).toEqual([
      [`/api/v1/miniapp/tickets/${NUMBER}/attachments`, 'wx-1#compressed', 'Bearer mp-session'],
      [`/api/v1/miniapp/tickets/${NUMBER}/attachments`, 'wx-2#compressed', 'Bearer mp-session'],
    ])
    expect(done.find('#photo-status').text()).toContain('有1张没有传上去')
    expect(done.find('.photo-problem').text()).toContain('请检查网络后再试一次')

    await done.find('#photo-retry').trigger('tap')
    await flushPromises()

    expect(uploads().map((r) => r.filePath)).toEqual(['wx-1#compressed', 'wx-2#compressed', 'wx-2#compressed'])
    expect(done.find('#photo-status').text()).toBe('2张照片都已上传，工作人员处理时可以看到。')
    expect(done.find('#photo-retry').exists()).toBe(false)
  })

  it('says so in words when the server refuses a file, and closing the picker is no error', async () => {
    platform.server = serverWith(() => ({ status: 415, data: { code: 'file.type', field: 'file',
      detail: '只接受JPG、PNG图片或PDF文档' } }))
    const ask = await askWithPhotos(['blob:x'])
    platform.picked = 'cancel'
    await ask.find('#add-photo').trigger('tap')
    expect(ask.find('#photo-error').exists()).toBe(false)

    const done = await submitAndOpenDone(ask)

    expect(done.find('.photo-problem').text()).toBe('只接受JPG、PNG图片或PDF文档。请换一张照片（JPG或PNG）再试。')
  })
})
