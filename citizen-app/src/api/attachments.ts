import { download, request, upload } from './http'
import type { TicketRef } from './model'
import { withSession } from './session'

// The photos and papers the citizen added to their own consultation: on the web with its tracking token,
// in the mini-programs (and for a consultation listed after an SMS sign-in) under the session.

export interface MyAttachment {
  id: number
  fileName: string
  contentType: string
  /** The file's type in words, e.g. "JPG图片". */
  typeName: string
  contentUrl: string
}

function path(ref: TicketRef): string {
  const number = encodeURIComponent(ref.number)
  return ref.token ? `/api/v1/tickets/${number}/attachments` : `/api/v1/miniapp/tickets/${number}/attachments`
}

/** Calls the API with the consultation's proof of ownership: its tracking token, else the session. */
function owned<T>(ref: TicketRef, call: (headers: Record<string, string>) => Promise<T>): Promise<T> {
  if (ref.token) {
    return call({ 'X-Tracking-Token': ref.token })
  }
  return withSession((authorization) => call({ Authorization: authorization }))
}

/** Adds one photo. The server keeps a file sent twice once, so a retry after a lost answer is harmless. */
export async function uploadPhoto(ref: TicketRef, filePath: string): Promise<void> {
  await owned(ref, (headers) => upload(path(ref), filePath, headers))
}

export async function listAttachments(ref: TicketRef): Promise<MyAttachment[]> {
  const reply = await owned(ref, (headers) => request<MyAttachment[]>(path(ref), { headers }))
  return (reply.data ?? []).map((a) => ({ id: a.id, fileName: a.fileName, contentType: a.contentType,
    typeName: a.typeName, contentUrl: a.contentUrl }))
}

/** The file on the phone, to show or preview: image tags cannot send the proof of ownership themselves. */
export function fetchAttachment(ref: TicketRef, attachment: MyAttachment): Promise<string> {
  return owned(ref, (headers) => download(attachment.contentUrl, headers))
}
