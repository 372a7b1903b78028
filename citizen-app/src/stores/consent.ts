import { defineStore } from 'pinia'
import { KEYS, load, removeAll, save } from '@/platform/storage'
import { useDraftStore } from './draft'
import { useTicketsStore } from './tickets'

/** The version of the privacy notice; a new version asks again. */
export const NOTICE_VERSION = '2026-12-06'

interface Consent {
  version: string
  acceptedAt: string
}

// Consent is recorded on the device until the back end can record it (API-NEEDED.md, "Consent").
export const useConsentStore = defineStore('consent', {
  state: () => ({ consent: load<Consent>(KEYS.consent) }),
  getters: {
    given: (s) => s.consent !== null && s.consent.version === NOTICE_VERSION,
  },
  actions: {
    accept(now: Date = new Date()) {
      this.consent = { version: NOTICE_VERSION, acceptedAt: now.toISOString() }
      save(KEYS.consent, this.consent)
    },
    /** Withdrawal forgets everything the app kept on this device: draft, saved consultations, session. */
    withdraw() {
      removeAll()
      // the stores read the emptied storage again; the draft store keeps its new empty draft at once,
      // which goes too: nothing of the app stays on the device
      useDraftStore().$reset()
      useTicketsStore().$reset()
      removeAll()
      this.consent = null
    },
  },
})
