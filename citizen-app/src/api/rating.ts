import { ApiError } from './http'
import type { TicketDetail, TicketRef } from './model'
import type { TicketApi } from './tickets'

export interface RatingOutcome {
  detail: TicketDetail
  /** true when the ticket had been rated already: nothing was sent, and the page says so politely. */
  alreadyRated: boolean
}

/**
 * A citizen rates a ticket once. The app reads the ticket again right before sending, so a page left
 * open (another tab, a second tap after a rating from elsewhere) cannot replace the first rating; a
 * server that refuses a second rating itself (409 rating.alreadyGiven, API-NEEDED.md) is understood too.
 * {@code retryOf}: the score of an earlier attempt whose answer was lost — finding it recorded is success.
 */
export async function rateOnce(api: TicketApi, ref: TicketRef, score: number, comment: string, key: string,
                               retryOf: number | null = null): Promise<RatingOutcome> {
  const current = await api.get(ref)
  if (current.satisfaction !== null) {
    return { detail: current, alreadyRated: !(retryOf !== null && current.satisfaction === retryOf) }
  }
  try {
    return { detail: await api.rate(ref, score, comment, key), alreadyRated: false }
  } catch (e) {
    if (e instanceof ApiError && e.status === 409 && e.code === 'rating.alreadyGiven') {
      return { detail: await api.get(ref), alreadyRated: true }
    }
    throw e
  }
}
