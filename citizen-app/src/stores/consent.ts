import { defineStore } from 'pinia'
import { recordConsent, withdrawConsent } from '@/api/consent'
import { KEYS, load, removeAll, save } from '@/platform/storage'
import { useDraftStore } from './draft'
import { useTicketsStore } from './tickets'
import { useCentresStore } from './centres'

/** The version of the privacy notice; a new version asks again. */
export const NOTICE_VERSION = '2026-12-06'

interface Consent {
  version: string
  acceptedAt: string
  /** The id the centre recorded it under; missing until the centre could be reached. */
  consentId?: string
}

// The recording in flight, so a second try or a withdrawal waits for it rather than racing it.
let recording: Promise<void> | null = null

// Consent is kept on the device (what the pages check) and recorded with the centre (API-NEEDED.md §4).
// The device's record comes first: a citizen is never held up by a network that fails to record it.
export const useConsentStore = defineStore('consent', {
  state: () => ({ consent: load<Consent>(KEYS.consent) }),
  getters: {
    given: (s) => s.consent !== null && s.consent.version === NOTICE_VERSION,
    recorded: (s) => s.consent !== null && typeof s.consent.consentId === 'string',
  },
  actions: {
    accept(now: Date = new Date()): Promise<void> {
      this.consent = { version: NOTICE_VERSION, acceptedAt: now.toISOString() }
      save(KEYS.consent, this.consent)
      return this.record()
    },
    /**
     * Records the device's consent with the centre unless it is already; never rejects. A failure leaves
     * it unrecorded for the next try (the app's next start, or the next accept).
     */
    record(): Promise<void> {
      if (recording) {
        return recording
      }
      const given = this.consent
      if (!given || given.consentId || given.version !== NOTICE_VERSION) {
        return Promise.resolve()
      }
      recording = recordConsent(given.version)
        .then((consentId) => {
          // withdrawn or accepted again meanwhile: the id belongs to a consent the device no longer holds
          if (this.consent && this.consent.acceptedAt === given.acceptedAt) {
            this.consent = { ...this.consent, consentId }
            save(KEYS.consent, this.consent)
          }
        })
        .catch(() => undefined)
        .finally(() => {
          recording = null
        })
      return recording
    },
    /** The centre no longer knows the recorded consent: records the device's consent anew; never rejects. */
    async recordAgain(): Promise<void> {
      if (recording) {
        await recording
      }
      if (this.consent?.consentId) {
        const { consentId: _forgotten, ...rest } = this.consent
        this.consent = rest
        save(KEYS.consent, this.consent)
      }
      return this.record()
    },
    /**
     * Withdraws the consent with the centre (in the mini-programs this deletes the account there), then
     * forgets everything the app kept on this device: draft, saved consultations, session. When the centre
     * cannot be reached, nothing is forgotten and the error is thrown, so the citizen can try again.
     */
    async withdraw(): Promise<void> {
      if (recording) {
        await recording
      }
      await withdrawConsent(this.consent?.consentId)
      removeAll()
      // the stores read the emptied storage again; the draft store keeps its new empty draft at once,
      // which goes too: nothing of the app stays on the device
      useDraftStore().$reset()
      useTicketsStore().$reset()
      useCentresStore().$reset()
      removeAll()
      this.consent = null
    },
  },
})
