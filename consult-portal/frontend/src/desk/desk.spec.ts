import { describe, expect, it } from 'vitest'
import {
  applyEvent, dialableMissedCalls, extensionOf, offersBooking, parseEvent, summaryBody, summaryDraftKey, summaryPrefill,
  summaryProblem, type CallerCard, type CallRow, type Desk, type DeskScreen,
} from './desk'

const card = (callId: string, extra: Partial<CallerCard> = {}): CallerCard => ({
  callId, startedAt: '2026-11-30T02:00:00Z', openTickets: [], earlierCalls: [], clocks: [], ...extra,
})
const desk = { username: 'duty-lawyer', state: 'ON_CALL', stateName: '通话中' } as Desk
const empty: DeskScreen = { desk: null, card: null, callEnded: false }

describe('desk screen', () => {
  it('shows the card of a new call and replaces the one before', () => {
    const first = applyEvent(empty, { name: 'call', data: card('1.1') })
    const ended = applyEvent(first, { name: 'call-ended', data: { callId: '1.1' } })
    expect(ended.callEnded).toBe(true)
    const second = applyEvent(ended, { name: 'call', data: card('1.2') })
    expect(second.card?.callId).toBe('1.2')
    expect(second.callEnded).toBe(false)
  })

  it('ignores the end of a call that is not on screen', () => {
    const screen = applyEvent(empty, { name: 'call', data: card('1.2') })
    expect(applyEvent(screen, { name: 'call-ended', data: { callId: '1.1' } }).callEnded).toBe(false)
  })

  it('takes the desk state from state events and keeps the card', () => {
    const screen = applyEvent(applyEvent(empty, { name: 'call', data: card('1.3') }), { name: 'state', data: desk })
    expect(screen.desk?.stateName).toBe('通话中')
    expect(screen.card?.callId).toBe('1.3')
  })

  it('parses known events and drops malformed or unknown ones', () => {
    expect(parseEvent('call', '{"callId":"1.4"}')).toEqual({ name: 'call', data: { callId: '1.4' } })
    expect(parseEvent('call', '{oops')).toBeNull()
    expect(parseEvent('ready', '{"subscribed":true}')).toBeNull()
    expect(parseEvent('state', 'null')).toBeNull()
  })
})

describe('call summary', () => {
  it('keeps one draft per person and call', () => {
    expect(summaryDraftKey('duty-lawyer', '1.5')).not.toBe(summaryDraftKey('duty-lawyer', '1.6'))
    expect(summaryDraftKey('duty-lawyer', '1.5')).not.toBe(summaryDraftKey('dispatcher', '1.5'))
  })

  it('is prefilled with the region and business type from the IVR', () => {
    expect(summaryPrefill(card('1.7', { regionCode: '440106', businessType: 'LEGAL_AID' })))
      .toEqual({ regionCode: '440106', businessType: 'LEGAL_AID', ticketNumber: '' })
    expect(summaryPrefill(card('1.8')).businessType).toBe('LEGAL_CONSULTATION')
  })

  it('sends a new ticket\'s region and type, or only the chosen ticket', () => {
    expect(summaryBody(' 咨询欠薪 ', { regionCode: '440106', businessType: 'LEGAL_AID', ticketNumber: '' }))
      .toEqual({ text: '咨询欠薪', businessType: 'LEGAL_AID', regionCode: '440106' })
    expect(summaryBody('补充', { regionCode: '440106', businessType: 'LEGAL_AID', ticketNumber: 'GD20261130-000002' }))
      .toEqual({ text: '补充', ticketNumber: 'GD20261130-000002' })
  })

  it('asks for a text and a six-digit region', () => {
    expect(summaryProblem('  ', { regionCode: '' })).toBe('请填写通话小结')
    expect(summaryProblem('咨询', { regionCode: '4401' })).toBe('地区代码应为6位数字')
    expect(summaryProblem('咨询', { regionCode: '440106' })).toBeNull()
  })
})

describe('click-to-call', () => {
  it('offers a callback when the line is closed', () => {
    expect(offersBooking({ status: 409, code: 'callback.outsideServiceHours' })).toBe(true)
    expect(offersBooking({ status: 409, code: 'ticket.locked' })).toBe(false)
  })

  it('dials missed and abandoned calls with a number, with or without a ticket', () => {
    const row = (callId: string, outcome: string, callerPhone: string | null, ticketNumber?: string) =>
      ({ callId, outcome, outcomeName: '', startedAt: '', callerPhone, ticketNumber }) as CallRow
    const calls = [row('a', 'MISSED', '138****0001', 'T1'), row('b', 'MISSED', '138****0002'),
      row('c', 'ANSWERED', '138****0003', 'T2'), row('d', 'ABANDONED', '138****0004'), row('e', 'MISSED', null)]
    expect(dialableMissedCalls(calls, true).map((c) => c.callId)).toEqual(['a', 'b', 'd'])
    // a unit handler returns only calls that already have a ticket
    expect(dialableMissedCalls(calls, false).map((c) => c.callId)).toEqual(['a'])
  })
})

describe('desk labels', () => {
  it('names the phone by its extension, not the PBX technology', () => {
    expect(extensionOf('PJSIP/1001')).toBe('1001')
    expect(extensionOf('1002')).toBe('1002')
  })
})
