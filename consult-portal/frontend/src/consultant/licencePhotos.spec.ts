import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/problems'
import { emptyRegistration, registrationBody } from './registration'
import { draftOf, formatSize, readDraft, refusePhoto, uploadPhoto } from './licencePhotos'

const MB = 1024 * 1024

describe('refusePhoto', () => {
  it('lets a JPEG, PNG or PDF of up to 5 MB go', () => {
    expect(refusePhoto({ name: '执业证.JPG', size: 2 * MB }, 0)).toBeNull()
    expect(refusePhoto({ name: 'scan.pdf', size: 5 * MB }, 2)).toBeNull()
  })

  it('refuses a fourth file, other types, empty and too large files in the server\'s words', () => {
    expect(refusePhoto({ name: 'a.png', size: 10 }, 3)).toBe('最多上传3份执业证照片')
    expect(refusePhoto({ name: 'licence.docx', size: 10 }, 0)).toBe('只支持JPG、PNG或PDF文件')
    expect(refusePhoto({ name: 'noextension', size: 10 }, 0)).toBe('只支持JPG、PNG或PDF文件')
    expect(refusePhoto({ name: 'big.jpg', size: 5 * MB + 1 }, 0)).toBe('文件不能超过5MB')
    expect(refusePhoto({ name: 'empty.jpg', size: 0 }, 0)).toBe('文件是空的，请重新选择')
  })
})

describe('uploadPhoto', () => {
  const file = new File([new Uint8Array([0xff, 0xd8, 0xff])], '执业证.jpg', { type: 'image/jpeg' })

  it('sends the file as the multipart part "file" and answers the stored document', async () => {
    let sent: Request | undefined
    const photo = await uploadPhoto(file, async (request) => {
      sent = request
      return new Response(JSON.stringify({ documentId: 'd-1', name: '执业证.jpg', size: 3 }), { status: 201 })
    })
    expect(photo).toEqual({ documentId: 'd-1', name: '执业证.jpg', size: 3 })
    expect(sent?.method).toBe('POST')
    expect(new URL(sent!.url).pathname).toBe('/api/v1/consultant-registrations/documents')
    const part = (await sent!.formData()).get('file') as File
    expect(part.size).toBe(3) // (jsdom's parser reads the UTF-8 name as Latin-1; the server reads it as sent)
  })

  it('throws the server\'s Chinese problem', async () => {
    const refused = uploadPhoto(file, async () => new Response(JSON.stringify({
      status: 400, code: 'document.type', field: 'file', detail: '只支持JPG、PNG或PDF文件' }), { status: 400 }))
    await expect(refused).rejects.toBeInstanceOf(ApiError)
    await expect(refused).rejects.toThrow('只支持JPG、PNG或PDF文件')
    await expect(uploadPhoto(file, async () => new Response('', { status: 413 }))).rejects.toThrow('操作失败')
  })
})

describe('the sign-up draft', () => {
  it('keeps the form and the uploaded photos but never the password', () => {
    const form = { ...emptyRegistration(), displayName: '张律师', username: 'lawyer-zhang', password: 'secret-123',
      licenceNumber: '14401201510123456' }
    const photos = [{ documentId: 'd-1', name: '执业证.jpg', size: 1234 }]

    const text = draftOf(form, photos)
    const draft = readDraft(text)

    expect(text).not.toContain('secret-123')
    expect(draft?.form.displayName).toBe('张律师')
    expect(draft?.form.licenceNumber).toBe('14401201510123456')
    expect(draft?.photos).toEqual(photos)
  })

  it('ignores what it cannot read and keeps at most three photos', () => {
    expect(readDraft('')).toBeNull()
    expect(readDraft('{not json')).toBeNull()
    expect(readDraft('{"form":{}}')).toBeNull()
    const many = Array.from({ length: 5 }, (_, i) => ({ documentId: `d-${i}`, name: `${i}.jpg`, size: 1 }))
    expect(readDraft(JSON.stringify({ form: {}, photos: [...many, { name: 'no id' }] }))?.photos).toHaveLength(3)
  })
})

describe('registrationBody', () => {
  it('names the uploaded photos by their document ids', () => {
    expect(registrationBody(emptyRegistration(), ['d-1', 'd-2']).documentIds).toEqual(['d-1', 'd-2'])
    expect(registrationBody(emptyRegistration()).documentIds).toEqual([])
  })
})

describe('formatSize', () => {
  it('shows bytes, KB and MB', () => {
    expect(formatSize(900)).toBe('900 字节')
    expect(formatSize(2048)).toBe('2 KB')
    expect(formatSize(3 * MB)).toBe('3.0 MB')
  })
})
