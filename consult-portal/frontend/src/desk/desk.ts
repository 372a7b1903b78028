import { draftKey } from '@/composables/useDraft'
import type { Problem } from '@/api/problems'

/** A desk as GET /api/v1/staff/desk answers it (DeskViews.DeskView on the server). */
export interface Desk {
  username: string
  memberInterface: string
  queues: { queue: string; name: string }[]
  state: DeskState
  stateName: string
  pauseReason?: string | null
  pauseReasonName?: string | null
  since: string
  wrapUpUntil?: string | null
  currentCallId?: string | null
  pbxConnected: boolean
  message?: string | null
}

export type DeskState = 'OFFLINE' | 'READY' | 'PAUSED' | 'ON_CALL' | 'WRAP_UP'

export interface OpenTicket { number: string; businessType: string; status: string; subject: string; handlingUnit: string; createdAt: string }
export interface ClockLine { ticketNumber: string; name: string; state?: string | null; dueDate?: string | null }
export interface CallRow {
  callId: string; callerPhone?: string | null; regionName?: string | null; businessTypeName?: string | null
  outcome: string; outcomeName: string; startedAt: string; talkSeconds?: number | null; ticketNumber?: string | null
}

/** The screen pop (CallerCards.CallerCard on the server). */
export interface CallerCard {
  callId: string
  callerPhone?: string | null
  regionCode?: string | null
  regionName?: string | null
  businessType?: string | null
  businessTypeName?: string | null
  queue?: string | null
  queueName?: string | null
  startedAt: string
  answeredAt?: string | null
  waitSeconds?: number | null
  ticketNumber?: string | null
  openTickets: OpenTicket[]
  earlierCalls: CallRow[]
  clocks: ClockLine[]
}

/** The reasons a person may pause for, in the order the desk offers them. */
export const PAUSE_REASONS = [
  { value: 'MEAL', label: '用餐' },
  { value: 'TRAINING', label: '培训' },
  { value: 'AFTER_CALL_WORK', label: '话后处理' },
  { value: 'OTHER', label: '其他' },
] as const

/** What the desk page shows: the desk, the card on screen and whether its call has ended. */
export interface DeskScreen {
  desk: Desk | null
  card: CallerCard | null
  callEnded: boolean
}

/** One event of GET /api/v1/staff/desk/events, as its name and parsed data. */
export type DeskEvent =
  | { name: 'state'; data: Desk }
  | { name: 'call'; data: CallerCard }
  | { name: 'call-ended'; data: { callId: string } }

/**
 * The screen after an event: a new call replaces the card (the summary of the last one is kept as a
 * draft under its own call id), an end marks the card's call ended only when it is that call.
 */
export function applyEvent(screen: DeskScreen, event: DeskEvent): DeskScreen {
  switch (event.name) {
    case 'state':
      return { ...screen, desk: event.data }
    case 'call':
      return { ...screen, card: event.data, callEnded: false }
    case 'call-ended':
      return screen.card?.callId === event.data.callId ? { ...screen, callEnded: true } : screen
  }
}

/** Parses an SSE event's data; null for anything malformed (the stream goes on). */
export function parseEvent(name: string, data: string): DeskEvent | null {
  if (name !== 'state' && name !== 'call' && name !== 'call-ended') return null
  try {
    const parsed = JSON.parse(data)
    return parsed && typeof parsed === 'object' ? ({ name, data: parsed } as DeskEvent) : null
  } catch {
    return null
  }
}

/** The localStorage key of a call's summary draft. */
export function summaryDraftKey(username: string, callId: string): string {
  return draftKey(username, 'call-' + callId, 'summary')
}

/** The summary form's starting values: the IVR's region and business type, the call's ticket if any. */
export function summaryPrefill(card: CallerCard): { regionCode: string; businessType: string; ticketNumber: string } {
  return {
    regionCode: card.regionCode ?? '',
    businessType: card.businessType ?? 'LEGAL_CONSULTATION',
    ticketNumber: card.ticketNumber ?? '',
  }
}

/** The body of the summary POST: the ticket only when one is chosen, the rest for a new PHONE ticket. */
export function summaryBody(text: string, form: { regionCode: string; businessType: string; ticketNumber: string }) {
  const ticketNumber = form.ticketNumber.trim()
  return ticketNumber
    ? { text: text.trim(), ticketNumber }
    : { text: text.trim(), businessType: form.businessType || undefined, regionCode: form.regionCode.trim() || undefined }
}

/** Why the summary cannot be sent yet, or null. */
export function summaryProblem(text: string, form: { regionCode: string }): string | null {
  if (!text.trim()) return '请填写通话小结'
  if (form.regionCode.trim() && !/^\d{6}$/.test(form.regionCode.trim())) return '地区代码应为6位数字'
  return null
}

/** Click-to-call refused outside service hours: offer to book a callback instead. */
export function offersBooking(problem: Problem): boolean {
  return problem.status === 409 && problem.code === 'callback.outsideServiceHours'
}

/**
 * Missed and abandoned calls with a number to call back, newest first; those without a ticket get a
 * PHONE ticket when dialled (the server makes it from the call), which only dispatchers and admins do:
 * that ticket may be routed to another unit than a handler's own.
 */
export function dialableMissedCalls(calls: CallRow[], dispatcher: boolean): CallRow[] {
  return calls.filter((c) => (c.outcome === 'MISSED' || c.outcome === 'ABANDONED') && !!c.callerPhone
    && (dispatcher || !!c.ticketNumber))
}

/** The state tag's colour. */
export function stateTagType(state: DeskState | undefined): 'success' | 'warning' | 'danger' | 'info' | 'primary' {
  switch (state) {
    case 'READY': return 'success'
    case 'PAUSED': return 'warning'
    case 'ON_CALL': return 'danger'
    case 'WRAP_UP': return 'primary'
    default: return 'info'
  }
}

/** A desk interface as people say it: the phone's extension (PJSIP/1001 → 1001), not the PBX's code. */
export function extensionOf(memberInterface: string): string {
  const slash = memberInterface.lastIndexOf('/')
  return slash >= 0 ? memberInterface.slice(slash + 1) : memberInterface
}
