import { defineStore } from 'pinia'
import { newKey } from '@/api/keys'
import type { Draft } from '@/api/model'
import { KEYS, load, remove, save } from '@/platform/storage'
import { config } from '@/config'

interface StoredDraft extends Draft {
  /** The idempotency key of this draft: made with the draft, sent with every attempt, dropped on success. */
  key: string
  /** The region picker's choices, so a reopened draft shows them: province, city, county codes. */
  regionPath: string[]
  updatedAt: string
}

function fresh(): StoredDraft {
  return { businessType: 'LEGAL_CONSULTATION', regionCode: '', regionPath: [config.centreProvince], text: '',
    contactPhone: '', clockQuestion: null, triggerDate: '', triggerType: '', key: newKey(),
    updatedAt: new Date().toISOString() }
}

/** A draft kept before the form asked for a trigger date has none. */
function loaded(): StoredDraft | null {
  const kept = load<StoredDraft>(KEYS.draft)
  return kept && { clockQuestion: null, triggerDate: '', triggerType: '', ...kept }
}

/** A new draft is kept at once: its key must be the same wherever the citizen picks it up again. */
function started(): StoredDraft {
  const draft = fresh()
  save(KEYS.draft, draft)
  return draft
}

/**
 * The question being written. Saved on the device at every change, so it survives closing the app;
 * its key stays the same until the server confirms the ticket, so a double tap or a retry after a lost
 * answer makes one ticket.
 */
export const useDraftStore = defineStore('draft', {
  state: () => ({ draft: loaded() ?? started() }),
  getters: {
    empty: (s) => s.draft.text.trim() === '',
  },
  actions: {
    update(change: Partial<Omit<StoredDraft, 'key' | 'updatedAt'>>) {
      this.draft = { ...this.draft, ...change, updatedAt: new Date().toISOString() }
      save(KEYS.draft, this.draft)
    },
    /**
     * The server refused the key as used for other content (edited after an attempt that did arrive):
     * the edited question goes as a new submission under a new key.
     */
    renewKey() {
      this.draft = { ...this.draft, key: newKey() }
      save(KEYS.draft, this.draft)
    },
    /** The ticket exists: this draft is done, and the next question gets a new key. */
    submitted() {
      remove(KEYS.draft)
      this.draft = started()
    },
  },
})
