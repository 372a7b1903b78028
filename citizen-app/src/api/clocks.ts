import { request } from './http'

// The ask form's legal-clock question: the server says, from the clock-type table that also makes the
// staff's suggestions, whether the question being written is one a legal clock applies to and what to
// ask the citizen about its start ("您是哪天被辞退（或知道权益受损）的？"). Nothing is stored by asking.

export interface ClockQuestion {
  /** The clock type the answer is the trigger date of, e.g. LABOUR_ARBITRATION (never shown). */
  type: string
  /** The clock's Chinese name, e.g. 劳动仲裁申请期限. */
  name: string
  /** What to ask, in plain words. */
  question: string
  /** The days a date may be (yyyy-MM-dd): from `earliest` to `latest`, which is today in China. */
  earliest: string
  latest: string
}

/** Shorter drafts are not asked about: the form refuses them anyway. */
export const MIN_TEXT = 5

export async function clockQuestion(businessType: string, text: string): Promise<ClockQuestion | null> {
  const reply = await request<{ applies: boolean } & Partial<ClockQuestion>>('/api/v1/clock-question', {
    method: 'POST', body: { businessType, text } })
  const q = reply.data
  if (!q.applies || !q.type || !q.question || !q.earliest || !q.latest) {
    return null
  }
  return { type: q.type, name: q.name ?? '', question: q.question, earliest: q.earliest, latest: q.latest }
}
