import type { Schemas } from '@/api/client'
import { actorName } from '@/names'

type Ticket = Schemas['TicketView']

/** One message of the conversation: the citizen's, a reply to them, or a note only staff see. */
export interface Message {
  side: 'citizen' | 'staff' | 'note'
  who: string
  label: string
  at: string | undefined
  text: string
  subject?: string
}

/**
 * The conversation of a ticket: the citizen's question and follow-ups, the answers they got, and
 * internal notes set apart. Routing, claims and other events stay in the timeline.
 */
export function threadOf(ticket: Ticket): Message[] {
  const messages: Message[] = [{
    side: 'citizen', who: '市民', label: '提问', at: ticket.createdAt, text: ticket.text ?? '',
    subject: ticket.subject && !(ticket.text ?? '').startsWith(ticket.subject.replace(/…$/, '')) ? ticket.subject : undefined,
  }]
  for (const entry of ticket.timeline ?? []) {
    const text = entry.text ?? ''
    if (entry.type === 'FOLLOW_UP') {
      messages.push({ side: 'citizen', who: '市民', label: '追问', at: entry.at, text })
    } else if (entry.type === 'ANSWERED') {
      messages.push({ side: 'staff', who: actorName(entry.actor), label: '答复市民', at: entry.at, text })
    } else if (entry.type === 'NOTE') {
      messages.push({ side: 'note', who: actorName(entry.actor), label: '内部备注（市民不可见）', at: entry.at, text })
    }
  }
  return messages
}
