import { defineStore } from 'pinia'
import { CONSENT_HEADER, ticketApi } from '@/api/tickets'
import type { Draft, Receipt, TicketRef, TicketSummary } from '@/api/model'
import { ApiError } from '@/api/http'
import { smsSignedIn } from '@/api/session'
import { isMiniProgram } from '@/platform/channel'
import { KEYS, load, save } from '@/platform/storage'
import { useConsentStore } from './consent'
import { useDraftStore } from './draft'
import { usePhotosStore } from './photos'

/** A consultation this device submitted or looked up (web: with its tracking token). */
export interface SavedTicket extends TicketRef {
  businessType: string
  savedAt: string
}

let inFlight: Promise<Receipt> | null = null

/**
 * The web sends the consent the centre recorded for this device, recording it first when the network
 * failed at first use. A consent the centre no longer knows (its records were reset) is recorded again
 * once, since the citizen's consent on this device stands, and the same submission sent again.
 */
async function sendUnderConsent(draft: Draft, key: string): Promise<Receipt> {
  if (isMiniProgram()) {
    return ticketApi().submit(draft, key)
  }
  const consents = useConsentStore()
  await consents.record()
  try {
    return await ticketApi().submit(draft, key, consents.consent?.consentId)
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 400 && e.field === CONSENT_HEADER)) {
      throw e
    }
    await consents.recordAgain()
    return ticketApi().submit(draft, key, consents.consent?.consentId)
  }
}

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
      inFlight = sendUnderConsent(draft, key)
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
