import { describe, expect, it } from 'vitest'
import { sessionAwareFetch } from './http'
import { csrfToken } from './csrf'

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

describe('an expired session', () => {
  it('asks the person to sign in again and sends the same request once more, body and all', async () => {
    const seen: { method: string; body: string; csrf: string | null }[] = []
    let session = false
    let cookie = 'XSRF-TOKEN=before'
    const base = async (request: Request) => {
      seen.push({ method: request.method, body: await request.text(), csrf: request.headers.get('X-XSRF-TOKEN') })
      return session ? json(200, { number: 'GD20261206-000001' }) : json(401, { code: 'authentication.required' })
    }
    let asked = 0
    const send = sessionAwareFetch(() => async () => {
      asked++
      session = true
      cookie = 'XSRF-TOKEN=after' // signing in renews the token
    }, base as typeof fetch, () => cookie)

    const response = await send(new Request('http://localhost/api/v1/staff/tickets/GD20261206-000001/notes', {
      method: 'POST', body: JSON.stringify({ text: '市民来电补充了材料' }), headers: { 'Content-Type': 'application/json' },
    }))

    expect(response.status).toBe(200)
    expect(asked).toBe(1)
    expect(seen).toEqual([
      { method: 'POST', body: '{"text":"市民来电补充了材料"}', csrf: 'before' },
      { method: 'POST', body: '{"text":"市民来电补充了材料"}', csrf: 'after' },
    ])
  })

  it('gives the 401 back when the person cancels the sign-in', async () => {
    const send = sessionAwareFetch(() => () => Promise.reject(new Error('cancelled')),
      (async () => json(401, {})) as typeof fetch, () => '')
    const response = await send(new Request('http://localhost/api/v1/staff/tickets'))
    expect(response.status).toBe(401)
  })

  it('leaves a wrong password at sign-in alone', async () => {
    let asked = 0
    const send = sessionAwareFetch(() => async () => { asked++ }, (async () => json(401, {})) as typeof fetch, () => '')
    const response = await send(new Request('http://localhost/api/v1/session', { method: 'POST', body: 'username=a&password=b' }))
    expect(response.status).toBe(401)
    expect(asked).toBe(0)
  })

  it('marks API calls as a script\'s, so the server sends no Basic challenge', async () => {
    let marker: string | null = null
    const send = sessionAwareFetch(() => undefined, (async (r: Request) => {
      marker = r.headers.get('X-Requested-With')
      return json(200, {})
    }) as typeof fetch, () => '')
    await send(new Request('http://localhost/api/v1/staff/tickets'))
    expect(marker).toBe('XMLHttpRequest')
  })

  it('sends no token on reads', async () => {
    let csrf: string | null = 'unset'
    const send = sessionAwareFetch(() => undefined, (async (r: Request) => {
      csrf = r.headers.get('X-XSRF-TOKEN')
      return json(200, {})
    }) as typeof fetch, () => 'XSRF-TOKEN=t')
    await send(new Request('http://localhost/api/v1/staff/tickets'))
    expect(csrf).toBeNull()
  })
})

describe('the CSRF cookie', () => {
  it('is read from document.cookie among others', () => {
    expect(csrfToken('JSESSIONID=x; XSRF-TOKEN=abc%3D%3D; other=1')).toBe('abc==')
    expect(csrfToken('JSESSIONID=x')).toBeNull()
  })
})
