import type { ClockQuestion } from './clocks'

// One shape for a citizen's tickets, whichever API served them (the web's tracking-token API or the
// mini-programs' session API): pages never see the difference.

export interface TicketRef {
  number: string
  /** The web's tracking token (查询码); the mini-programs prove ownership by their session instead. */
  token?: string
}

export interface Receipt extends TicketRef {
  status: string
  /** false when the server answered an earlier attempt of the same submission (a retry). */
  created: boolean
}

export interface TicketSummary {
  number: string
  status: string
  businessType: string
  subject: string
  createdAt: string
}

export type Speaker = 'citizen' | 'staff' | 'system'

export interface ConversationEntry {
  type: string
  speaker: Speaker
  /** Shown only for what people wrote (answers, follow-ups); system entries carry words of their own. */
  text: string | null
  at: string
}

export interface TicketDetail {
  number: string
  status: string
  businessType: string
  regionName: string
  subject: string
  text: string
  createdAt: string
  firstAnsweredAt: string | null
  closedAt: string | null
  satisfaction: number | null
  entries: ConversationEntry[]
  /** The ticket this one was merged into, when staff merged it as a duplicate. */
  mergedInto: string | null
  /** On the web, the query code of that ticket (the server gives it to the holder of this one's). */
  mergedIntoToken: string | null
}

/** A legal clock as the citizen reads it: the server's Chinese sentence, the statute and its caveats. */
export interface LegalClock {
  name: string
  summary: string
  statute: string | null
  warnings: string[]
}

export interface LegalClocks {
  clocks: LegalClock[]
  /** That a clock is general information, not legal advice: shown with every list of clocks. */
  disclaimer: string
}

export interface Draft {
  businessType: string
  regionCode: string
  text: string
  contactPhone: string
  /** The ask form's legal-clock question for this draft, as the server last answered it; null: none. */
  clockQuestion?: ClockQuestion | null
  /** The day the citizen picked in answer (yyyy-MM-dd), '' when none. */
  triggerDate?: string
  /** The clock type whose question the date answers: a date answers only its own question. */
  triggerType?: string
}

/** The trigger date to send with a draft: only an answer to the question the form shows now. */
export function triggerDateOf(draft: Draft): string | undefined {
  const q = draft.clockQuestion
  return q && draft.triggerDate && draft.triggerType === q.type ? draft.triggerDate : undefined
}

/** What both APIs send back for a ticket, reduced to the fields the app reads. */
export interface ServerTicket {
  number: string
  status: string
  businessType: string
  regionName?: string
  subject?: string | null
  text?: string | null
  createdAt: string
  firstAnsweredAt?: string | null
  closedAt?: string | null
  satisfaction?: number | null
  mergedInto?: string | null
  mergedIntoToken?: string | null
  timeline?: { type: string; actor: string; text: string | null; at: string }[]
}

const SHOWN_TEXT = new Set(['ANSWERED', 'FOLLOW_UP'])

export function speakerOf(actor: string): Speaker {
  if (actor === '市民') {
    return 'citizen'
  }
  return actor === '系统' ? 'system' : 'staff'
}

export function toDetail(t: ServerTicket): TicketDetail {
  return {
    number: t.number,
    status: t.status,
    businessType: t.businessType,
    regionName: t.regionName ?? '',
    subject: t.subject ?? '',
    text: t.text ?? '',
    createdAt: t.createdAt,
    firstAnsweredAt: t.firstAnsweredAt ?? null,
    closedAt: t.closedAt ?? null,
    satisfaction: t.satisfaction ?? null,
    mergedInto: t.mergedInto ?? null,
    mergedIntoToken: t.mergedIntoToken ?? null,
    entries: (t.timeline ?? [])
      .filter((e) => e.type !== 'NOTE' && e.type !== 'NOTIFIED')
      .map((e) => ({
        type: e.type,
        speaker: speakerOf(e.actor),
        // routing and staff texts name rules and units by code: only people's own words are shown
        text: SHOWN_TEXT.has(e.type) ? e.text : null,
        at: e.at,
      })),
  }
}
