import { isMiniProgram } from '@/platform/channel'
import { request } from './http'
import { smsSignedIn, withSession } from './session'
import { toDetail, triggerDateOf, type Draft, type LegalClocks, type Receipt, type ServerTicket, type TicketDetail, type TicketRef, type TicketSummary } from './model'

// The citizen's ticket actions over the API of this build's door: the web's public intake with
// tracking tokens, or the mini-programs' session API. Each write that has a key sends it on every retry.

/** The header naming the privacy-notice consent a web submission is made under. */
export const CONSENT_HEADER = 'X-Consent-Id'

export interface TicketApi {
  /** {@code consentId}: the consent the centre recorded for this device (the web sends it; the mini-programs' is the account's). */
  submit(draft: Draft, key: string, consentId?: string): Promise<Receipt>
  /** The signed-in citizen's tickets (the web: those under the number signed in by SMS code, else none). */
  list(): Promise<TicketSummary[]>
  get(ref: TicketRef): Promise<TicketDetail>
  followUp(ref: TicketRef, text: string, key: string): Promise<TicketDetail>
  accept(ref: TicketRef, key: string): Promise<TicketDetail>
  rate(ref: TicketRef, score: number, comment: string, key: string): Promise<TicketDetail>
  /** The citizen's own legal deadlines on this ticket, as staff recorded them. */
  clocks(ref: TicketRef): Promise<LegalClocks>
}

function toClocks(data: LegalClocks): LegalClocks {
  return {
    clocks: (data.clocks ?? []).map((c) => ({ name: c.name, summary: c.summary, statute: c.statute ?? null,
      warnings: c.warnings ?? [] })),
    disclaimer: data.disclaimer ?? '',
  }
}

const WEB = '/api/v1/tickets'
const MP = '/api/v1/miniapp'

function tokenHeader(ref: TicketRef): Record<string, string> {
  return { 'X-Tracking-Token': ref.token ?? '' }
}

function keyed(ref: TicketRef, key: string): Record<string, string> {
  return { ...tokenHeader(ref), 'Idempotency-Key': key }
}

function trimmed(value: string): string | undefined {
  const v = value.trim()
  return v === '' ? undefined : v
}

export const webApi: TicketApi = {
  async submit(draft, key, consentId) {
    const reply = await request<{ number: string; status: string; trackingToken: string }>(WEB, {
      method: 'POST',
      headers: { 'Idempotency-Key': key, ...(consentId ? { [CONSENT_HEADER]: consentId } : {}) },
      body: { businessType: draft.businessType, regionCode: draft.regionCode, text: draft.text.trim(),
        contactPhone: trimmed(draft.contactPhone), triggerDate: triggerDateOf(draft) },
    })
    return { number: reply.data.number, token: reply.data.trackingToken, status: reply.data.status,
      created: reply.status === 201 }
  },
  async list() {
    return []
  },
  async get(ref) {
    const reply = await request<ServerTicket>(`${WEB}/${encodeURIComponent(ref.number)}`, { headers: tokenHeader(ref) })
    return toDetail(reply.data)
  },
  // the key makes a retry after a lost answer harmless: the server does the write once and answers the same
  async followUp(ref, text, key) {
    const reply = await request<ServerTicket>(`${WEB}/${encodeURIComponent(ref.number)}/follow-ups`, {
      method: 'POST', headers: keyed(ref, key), body: { text: text.trim() } })
    return toDetail(reply.data)
  },
  async accept(ref, key) {
    const reply = await request<ServerTicket>(`${WEB}/${encodeURIComponent(ref.number)}/accept-answer`, {
      method: 'POST', headers: keyed(ref, key), body: {} })
    return toDetail(reply.data)
  },
  async rate(ref, score, comment, key) {
    const reply = await request<ServerTicket>(`${WEB}/${encodeURIComponent(ref.number)}/rating`, {
      method: 'POST', headers: keyed(ref, key), body: { score, comment: trimmed(comment) } })
    return toDetail(reply.data)
  },
  async clocks(ref) {
    const reply = await request<LegalClocks>(`${WEB}/${encodeURIComponent(ref.number)}/clocks`, { headers: tokenHeader(ref) })
    return toClocks(reply.data)
  },
}

function mp<T>(path: string, key: string | null, method: 'GET' | 'POST' = 'GET', body?: unknown): Promise<T> {
  return withSession(async (authorization) => {
    const headers: Record<string, string> = { Authorization: authorization }
    if (key) {
      headers['X-Client-Message-Id'] = key
    }
    return (await request<T>(MP + path, { method, headers, body })).data
  })
}

export const miniappApi: TicketApi = {
  async submit(draft, key) {
    const consultation = draft.businessType === 'LEGAL_CONSULTATION'
    const triggerDate = triggerDateOf(draft)
    const body = consultation
      ? { regionCode: draft.regionCode, text: draft.text.trim(), triggerDate }
      : { regionCode: draft.regionCode, businessType: draft.businessType, text: draft.text.trim(), triggerDate }
    const reply = await withSession((authorization) => request<{ number: string; status: string }>(
      MP + (consultation ? '/questions' : '/service-requests'),
      { method: 'POST', headers: { Authorization: authorization, 'X-Client-Message-Id': key }, body }))
    return { number: reply.data.number, status: reply.data.status, created: reply.status === 201 }
  },
  async list() {
    const page = await mp<{ items: TicketSummary[] }>('/tickets?page=0&size=50', null)
    return page.items.map((t) => ({ number: t.number, status: t.status, businessType: t.businessType,
      subject: t.subject ?? '', createdAt: t.createdAt }))
  },
  async get(ref) {
    return toDetail(await mp<ServerTicket>(`/tickets/${encodeURIComponent(ref.number)}`, null))
  },
  async followUp(ref, text, key) {
    return toDetail(await mp<ServerTicket>(`/tickets/${encodeURIComponent(ref.number)}/follow-ups`, key, 'POST',
      { text: text.trim() }))
  },
  async accept(ref, key) {
    return toDetail(await mp<ServerTicket>(`/tickets/${encodeURIComponent(ref.number)}/accept-answer`, key, 'POST', {}))
  },
  async rate(ref, score, comment, key) {
    return toDetail(await mp<ServerTicket>(`/tickets/${encodeURIComponent(ref.number)}/rating`, key, 'POST',
      { score, comment: trimmed(comment) }))
  },
  async clocks(ref) {
    return toClocks(await mp<LegalClocks>(`/tickets/${encodeURIComponent(ref.number)}/clocks`, null))
  },
}

/**
 * The web portal: a consultation this device holds the tracking token of goes through the public API;
 * one listed after an SMS sign-in (filed on another device, or on the hotline) through that session.
 */
export const webPortalApi: TicketApi = {
  submit: (draft, key, consentId) => webApi.submit(draft, key, consentId),
  list: () => (smsSignedIn() !== null ? miniappApi.list() : webApi.list()),
  get: (ref) => (ref.token ? webApi.get(ref) : miniappApi.get(ref)),
  followUp: (ref, text, key) => (ref.token ? webApi.followUp(ref, text, key) : miniappApi.followUp(ref, text, key)),
  accept: (ref, key) => (ref.token ? webApi.accept(ref, key) : miniappApi.accept(ref, key)),
  rate: (ref, score, comment, key) => (ref.token ? webApi.rate(ref, score, comment, key)
    : miniappApi.rate(ref, score, comment, key)),
  clocks: (ref) => (ref.token ? webApi.clocks(ref) : miniappApi.clocks(ref)),
}

export function ticketApi(): TicketApi {
  return isMiniProgram() ? miniappApi : webPortalApi
}
