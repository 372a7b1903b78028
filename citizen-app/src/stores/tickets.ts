import { defineStore } from 'pinia'
import { ticketApi } from '@/api/tickets'
import type { Receipt, TicketRef, TicketSummary } from '@/api/model'
import { ApiError } from '@/api/http'
import { smsSignedIn } from '@/api/session'
import { isMiniProgram } from '@/platform/channel'
import { KEYS, load, save } from '@/platform/storage'
import { useDraftStore } from './draft'
import { usePhotosStore } from './photos'

/** A consultation this device submitted or looked up (web: with its tracking token). */
export interface SavedTicket extends TicketRef {
  businessType: string
  savedAt: string
}

let inFlight: Promise<Receipt> | null = null

export const useTicketsStore = defineStore('tickets', {
  state: () => ({
    saved: load<SavedTicket[]>(KEYS.tickets) ?? [],
    /** The signed-in citizen's tickets as the server lists them (the web: after an SMS sign-in). */
    listed: [] as TicketSummary[],
    last: null as Receipt | null,
  }),
  actions: {
    remember(ref: TicketRef, businessType: string) {
      const rest = this.saved.filter((t) => t.number !== ref.number)
      this.saved = [{ number: ref.number, token: ref.token, businessType, savedAt: new Date().toISOString() }, ...rest]
      save(KEYS.tickets, this.saved)
    },
    find(number: string): SavedTicket | undefined {
      return this.saved.find((t) => t.number === number)
    },
    /**
     * Sends the draft. A second call while the first is under way (a double tap) waits for the same
     * request; a later retry sends the same key. Only a confirmed ticket ends the draft.
     */
    submit(): Promise<Receipt> {
      if (inFlight) {
        return inFlight
      }
      const drafts = useDraftStore()
      const { key, ...draft } = drafts.draft
      inFlight = ticketApi().submit(draft, key)
        .then((receipt) => {
          this.remember(receipt, draft.businessType)
          this.last = receipt
          drafts.submitted()
          usePhotosStore().handOver(receipt.number)
          return receipt
        })
        .catch((e: unknown) => {
          if (e instanceof ApiError && e.status === 422 && e.code === 'idempotencyKey.reused') {
            drafts.renewKey()
          }
          throw e
        })
        .finally(() => {
          inFlight = null
        })
      return inFlight
    },
    async refreshList() {
      if (isMiniProgram() || smsSignedIn() !== null) {
        this.listed = await ticketApi().list()
      } else {
        this.listed = []
      }
    },
  },
})
