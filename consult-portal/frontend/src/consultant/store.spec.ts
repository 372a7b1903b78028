import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { mayWork, useConsultant } from './store'

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

describe('the consultant store', () => {
  let calls: string[]
  let answers: Record<string, unknown>

  beforeEach(() => {
    setActivePinia(createPinia())
    calls = []
    answers = {}
    vi.stubGlobal('fetch', async (request: Request) => {
      const url = new URL(request.url)
      calls.push(request.method + ' ' + url.pathname + url.search)
      const body = answers[request.method + ' ' + url.pathname]
      return body === undefined ? json(404, { detail: '没有找到' }) : json(200, body)
    })
  })
  afterEach(() => vi.unstubAllGlobals())

  it('loads the pool of a field and each held question with its claim expiry and follow-ups', async () => {
    answers['GET /api/v1/consultant/pool'] = [{ number: 'GD20261206-000002', text: '单位不签合同' }]
    answers['GET /api/v1/consultant/claims'] = ['GD20261206-000001']
    answers['GET /api/v1/consultant/claims/GD20261206-000001'] = {
      number: 'GD20261206-000001', claimExpiresAt: '2026-12-06T03:00:00Z',
      messages: [{ kind: 'QUESTION', text: '拖欠工资' }, { kind: 'FOLLOW_UP', text: '要带什么材料？' }],
    }
    const store = useConsultant()

    await store.loadPool('LABOR')

    expect(calls).toContain('GET /api/v1/consultant/pool?category=LABOR')
    expect(store.pool.map((q) => q.number)).toEqual(['GD20261206-000002'])
    expect(store.held[0].claimExpiresAt).toBe('2026-12-06T03:00:00Z')
    expect(store.held[0].messages?.[1].text).toBe('要带什么材料？')
  })

  it('sends the answer with its cited articles', async () => {
    answers['POST /api/v1/consultant/pool/GD20261206-000001/answer'] = { id: 1 }
    let sent: unknown
    const base = globalThis.fetch
    vi.stubGlobal('fetch', async (request: Request) => {
      sent = await request.clone().json()
      return base(request)
    })
    await useConsultant().answer('GD20261206-000001', '可以申请劳动仲裁。', ['《中华人民共和国劳动合同法》第三十条'])
    expect(sent).toEqual({ text: '可以申请劳动仲裁。', citedArticles: ['《中华人民共和国劳动合同法》第三十条'] })
  })

  it('lets only a certified consultant whose certificate is still valid work in the pool', () => {
    expect(mayWork({ status: 'CERTIFIED', validUntil: '2999-12-31' })).toBe(true)
    expect(mayWork({ status: 'CERTIFIED', validUntil: '2000-01-01' })).toBe(false)
    expect(mayWork({ status: 'APPLIED' })).toBe(false)
    expect(mayWork(null)).toBe(false)
  })
})
