import { defineStore } from 'pinia'
import { uploadPhoto } from '@/api/attachments'
import { explain } from '@/api/problems'
import type { TicketRef } from '@/api/model'

/** At most this many photos go with a question (the server takes more attachments; a phone form wants few). */
export const MAX_PHOTOS = 3

export type PhotoState = 'waiting' | 'sending' | 'sent' | 'failed'

export interface PendingPhoto {
  path: string
  state: PhotoState
  /** Why the last attempt failed, in words the citizen can act on. */
  problem: string
}

/**
 * The photos chosen for the question being written, then — once the question is in — the ones still to
 * be sent for its consultation. Kept in memory only: the platforms' temporary files do not outlive the
 * app, so the ask page says that photos must be chosen again after closing it.
 */
export const usePhotosStore = defineStore('photos', {
  state: () => ({
    chosen: [] as string[],
    /** The consultation the photos below belong to. */
    number: '',
    pending: [] as PendingPhoto[],
  }),
  getters: {
    room: (s) => MAX_PHOTOS - s.chosen.length,
    sentCount: (s) => s.pending.filter((p) => p.state === 'sent').length,
    failed: (s) => s.pending.filter((p) => p.state === 'failed'),
    busy: (s) => s.pending.some((p) => p.state === 'sending' || p.state === 'waiting'),
  },
  actions: {
    add(paths: string[]) {
      this.chosen = [...this.chosen, ...paths].slice(0, MAX_PHOTOS)
    },
    remove(index: number) {
      this.chosen = this.chosen.filter((_, i) => i !== index)
    },
    /** The question is in: its chosen photos are now to be sent for it. */
    handOver(number: string) {
      if (this.chosen.length === 0) {
        return
      }
      this.number = number
      this.pending = this.chosen.map((path) => ({ path, state: 'waiting', problem: '' }))
      this.chosen = []
    },
    /** Sends each photo not yet sent, one after another; a failed one waits for the citizen's retry. */
    async send(ref: TicketRef) {
      if (ref.number !== this.number) {
        return
      }
      for (const photo of this.pending) {
        if (photo.state === 'sent' || photo.state === 'sending') {
          continue
        }
        photo.state = 'sending'
        try {
          await uploadPhoto(ref, photo.path)
          photo.state = 'sent'
          photo.problem = ''
        } catch (e) {
          photo.state = 'failed'
          photo.problem = explain(e, '上传照片')
        }
      }
    },
  },
})
