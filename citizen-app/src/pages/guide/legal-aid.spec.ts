import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { ok } from '../../../test/json'
import { consentGiven } from '../../../test/consent'
import { hooks, platform, type SentRequest } from '../../../test/uni-platform'
import { KEYS, save } from '@/platform/storage'
import { useCentresStore } from '@/stores/centres'
import Guide from './legal-aid.vue'

const guangzhou = { name: '广州市法律援助中心', serves: '广东省广州市', levelName: '市级',
  address: '广州市越秀区广州市公共法律服务中心一楼法律援助窗口', phone: '020-12348',
  openingHours: '周一至周五 上午9:00-12:00，下午2:30-5:30（法定节假日除外）', sampleDetails: true }
const province = { ...guangzhou, name: '广东省法律援助中心', serves: '广东省', levelName: '省级',
  address: '广州市越秀区广东省公共法律服务中心一楼法律援助窗口' }

function server(req: SentRequest) {
  if (req.url === '/api/v1/regions') {
    return ok([{ code: '440000', name: '广东省' }, { code: '110000', name: '北京市' }])
  }
  if (req.url === '/api/v1/regions?parent=440000') {
    return ok([{ code: '440100', name: '广州市' }])
  }
  if (req.url === '/api/v1/regions?parent=440100') {
    return ok([{ code: '440106', name: '天河区' }])
  }
  if (req.url === '/api/v1/legal-aid-centres?region=440106' || req.url === '/api/v1/legal-aid-centres?region=440100') {
    return ok([guangzhou, province])
  }
  if (req.url === '/api/v1/legal-aid-centres?region=440000') {
    return ok([province])
  }
  if (req.url === '/api/v1/legal-aid-centres?region=110000') {
    return ok([])
  }
  return { status: 404, data: {} }
}

async function openGuide() {
  const page = mount(Guide)
  await hooks.load()
  await flushPromises()
  return page
}

const asked = () => platform.sent.filter((r) => r.url.startsWith('/api/v1/legal-aid-centres')).map((r) => r.url)

describe('the legal-aid guide: where to go', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    consentGiven()
    platform.server = server
  })

  it('shows the centres of the region picked for the question, nearest first, with phone, address and hours', async () => {
    save(KEYS.draft, { regionPath: ['440000', '440100', '440106'], text: '' })
    const page = await openGuide()
    expect(asked()).toEqual(['/api/v1/legal-aid-centres?region=440106'])
    const names = page.findAll('.centre-name').map((n) => n.text())
    expect(names).toEqual(['广州市法律援助中心', '广东省法律援助中心'])
    const first = page.findAll('.centre')[0].text()
    expect(first).toContain('市级')
    expect(first).toContain('地址：广州市越秀区')
    expect(first).toContain('办公时间：周一至周五')
    expect(page.find('#region-county').text()).toContain('天河区')
    expect(page.find('#centres-sample').text()).toContain('示例信息')
  })

  it('calls the centre with one tap and copies its address', async () => {
    const page = await openGuide()
    await page.find('.centre-call').trigger('tap')
    expect(platform.calls).toEqual(['02012348'])
    await page.find('.centre-copy').trigger('tap')
    expect(platform.clipboard).toBe(province.address)
  })

  it('starts from the centre\'s province without a picked city, and keeps a region chosen here', async () => {
    save(KEYS.draft, { regionPath: ['440000'], text: '' })
    await openGuide()
    expect(asked()).toEqual(['/api/v1/legal-aid-centres?region=440000'])

    await useCentresStore().choose(['440000', '440100'])
    setActivePinia(createPinia()) // the app closed and opened again
    const page = await openGuide()
    expect(asked().at(-1)).toBe('/api/v1/legal-aid-centres?region=440100')
    expect(page.findAll('.centre-name')).toHaveLength(2)
  })

  it('says so when no centre is recorded, and offers a retry when the network fails', async () => {
    save(KEYS.guideRegion, ['110000'])
    const page = await openGuide()
    expect(page.find('#centres-none').text()).toContain('拨打12348')
    expect(page.find('#centres-sample').exists()).toBe(false)

    platform.server = (req) => (req.url.startsWith('/api/v1/legal-aid-centres') ? 'network-failure' : server(req))
    await useCentresStore().choose(['440000'])
    await flushPromises()
    expect(page.find('#centres-failed').text()).toContain('检查网络')
    platform.server = server
    await page.find('#centres-failed .link').trigger('tap')
    await flushPromises()
    expect(page.findAll('.centre-name').map((n) => n.text())).toEqual(['广东省法律援助中心'])
  })

  it('shows the answer for the region chosen last, whichever answer arrives last', async () => {
    let release: () => void = () => undefined
    platform.server = (req) => (req.url.endsWith('region=440000')
      ? new Promise((resolve) => { release = () => resolve(server(req)) })
      : server(req))
    const store = useCentresStore()
    const slow = store.choose(['440000'])
    await store.choose(['440000', '440100'])
    release()
    await slow
    expect(store.centres.map((c) => c.name)).toEqual(['广州市法律援助中心', '广东省法律援助中心'])
    expect(store.status).toBe('ready')
  })
})
