import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useSession, homeOf } from './session'
import { api, ok } from '@/api/client'

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

const DISPATCHER = { signedIn: true, username: 'dispatcher', displayName: '省中心调度员', role: 'DISPATCHER' }

describe('the session store', () => {
  let calls: { method: string; path: string; body: string }[]
  let answers: Response[]

  beforeEach(() => {
    setActivePinia(createPinia())
    calls = []
    answers = []
    vi.stubGlobal('fetch', async (request: Request) => {
      calls.push({ method: request.method, path: new URL(request.url).pathname, body: await request.text() })
      return answers.shift() ?? json(500, {})
    })
  })
  afterEach(() => vi.unstubAllGlobals())

  it('sends each role to its home', () => {
    expect(homeOf('DISPATCHER')).toBe('/queue')
    expect(homeOf('UNIT_HANDLER')).toBe('/queue')
    expect(homeOf('CONSULTANT')).toBe('/pool')
    expect(homeOf('ADMIN')).toBe('/admin')
    expect(homeOf(undefined)).toBe('/sign-in')
  })

  it('signs in with a form and tries once more when the CSRF cookie was missing', async () => {
    answers.push(json(403, { code: 'csrf.invalid', detail: '页面已过期，请重新登录' }), json(200, DISPATCHER))
    const session = useSession()

    await session.signIn('dispatcher', 'demo12348')

    expect(calls.map((c) => c.method + ' ' + c.path)).toEqual(['POST /api/v1/session', 'POST /api/v1/session'])
    expect(calls[1].body).toBe('username=dispatcher&password=demo12348')
    expect(session.user?.displayName).toBe('省中心调度员')
    expect(session.home).toBe('/queue')
  })

  it('holds a call that met an expired session until the person signs in again, then sends it again', async () => {
    answers.push(json(200, DISPATCHER))
    const session = useSession()
    await session.signIn('dispatcher', 'demo12348')

    answers.push(json(401, { code: 'authentication.required' }))
    const note = ok(api.POST('/api/v1/staff/tickets/{number}/notes', {
      params: { path: { number: 'GD20261206-000001' } }, body: { text: '市民来电补充了材料' },
    }))
    await vi.waitFor(() => expect(session.expiredDialog).toBe(true))

    answers.push(json(200, DISPATCHER), json(200, { number: 'GD20261206-000001', status: 'ROUTED' }))
    await session.signIn('dispatcher', 'demo12348')

    await expect(note).resolves.toMatchObject({ number: 'GD20261206-000001' })
    expect(session.expiredDialog).toBe(false)
    const notes = calls.filter((c) => c.path.endsWith('/notes'))
    expect(notes.map((c) => c.body)).toEqual(['{"text":"市民来电补充了材料"}', '{"text":"市民来电补充了材料"}'])
  })

  it('gives the call its refusal when the person closes the dialog', async () => {
    answers.push(json(200, DISPATCHER))
    const session = useSession()
    await session.signIn('dispatcher', 'demo12348')

    answers.push(json(401, { detail: '请先登录或提供有效的账号密码' }))
    const list = ok(api.GET('/api/v1/staff/tickets'))
    await vi.waitFor(() => expect(session.expiredDialog).toBe(true))
    session.giveUp()

    await expect(list).rejects.toMatchObject({ problem: { status: 401 } })
  })
})
