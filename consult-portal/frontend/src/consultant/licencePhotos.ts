import { ApiError, describe } from '@/api/problems'
import type { RegistrationForm } from './registration'

/** A licence photo or scan the server keeps until the registration names it (documentId). */
export interface UploadedPhoto {
  documentId: string
  name: string
  size: number
}

export const MAX_PHOTOS = 3
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024
const EXTENSIONS = ['jpg', 'jpeg', 'png', 'pdf']
export const PHOTO_ACCEPT = EXTENSIONS.map((e) => `.${e}`).join(',')

/** Why a chosen file is not sent at all, in the server's words; null when it may go (the server checks its bytes). */
export function refusePhoto(file: { name: string; size: number }, uploaded: number): string | null {
  if (uploaded >= MAX_PHOTOS) return `最多上传${MAX_PHOTOS}份执业证照片`
  const dot = file.name.lastIndexOf('.')
  const extension = dot < 0 ? '' : file.name.slice(dot + 1).toLowerCase()
  if (!EXTENSIONS.includes(extension)) return '只支持JPG、PNG或PDF文件'
  if (file.size > MAX_PHOTO_BYTES) return '文件不能超过5MB'
  if (file.size === 0) return '文件是空的，请重新选择'
  return null
}

/** Sends one file; the server's Chinese problem comes back as an ApiError. */
export async function uploadPhoto(file: File, send: (request: Request) => Promise<Response>): Promise<UploadedPhoto> {
  const body = new FormData()
  body.append('file', file, file.name)
  const response = await send(new Request('/api/v1/consultant-registrations/documents',
    { method: 'POST', body, credentials: 'same-origin' }))
  const json = await response.json().catch(() => null)
  if (!response.ok || !json?.documentId) {
    throw new ApiError(describe(response.status, json))
  }
  return { documentId: json.documentId, name: json.name, size: json.size }
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** What survives a reload: the form without its password, and the photos already uploaded. */
export interface JoinDraft {
  form: Omit<RegistrationForm, 'password'>
  photos: UploadedPhoto[]
}

export function draftOf(form: RegistrationForm, photos: UploadedPhoto[]): string {
  const { password: _password, ...rest } = form
  return JSON.stringify({ form: rest, photos } satisfies JoinDraft)
}

/** The draft as saved, or null when there is none or it cannot be read. */
export function readDraft(text: string): JoinDraft | null {
  if (!text) return null
  try {
    const draft = JSON.parse(text) as Partial<JoinDraft>
    if (!draft || typeof draft.form !== 'object' || !Array.isArray(draft.photos)) return null
    const photos = draft.photos.filter((p) => typeof p?.documentId === 'string' && typeof p.name === 'string')
      .slice(0, MAX_PHOTOS)
    return { form: draft.form as JoinDraft['form'], photos }
  } catch {
    return null
  }
}
