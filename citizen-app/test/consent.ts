import { KEYS, save } from '@/platform/storage'
import { NOTICE_VERSION, useConsentStore } from '@/stores/consent'

/** The citizen accepted the notice earlier and the centre recorded it: pages open without asking, nothing is sent. */
export function consentGiven(consentId = 'c0nsent0-0000-4000-8000-000000000001'): void {
  const consent = { version: NOTICE_VERSION, acceptedAt: '2026-12-06T06:00:00.000Z', consentId }
  save(KEYS.consent, consent)
  useConsentStore().consent = consent
}
