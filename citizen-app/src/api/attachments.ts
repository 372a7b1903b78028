import { upload } from './http'
import type { TicketRef } from './model'
import { withSession } from './session'

/**
 * Adds one photo to the citizen's own consultation: on the web with its tracking token, in the
 * mini-programs (and for a consultation listed after an SMS sign-in) under the session. The server keeps
 * a file sent twice once, so a retry after a lost answer is harmless.
 */
export async function uploadPhoto(ref: TicketRef, filePath: string): Promise<void> {
  const number = encodeURIComponent(ref.number)
  if (ref.token) {
    await upload(`/api/v1/tickets/${number}/attachments`, filePath, { 'X-Tracking-Token': ref.token })
    return
  }
  await withSession((authorization) => upload(`/api/v1/miniapp/tickets/${number}/attachments`, filePath,
    { Authorization: authorization }))
}
