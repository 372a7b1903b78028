import { useConsentStore } from '@/stores/consent'

/**
 * Called by each page as it loads: without the citizen's consent to the current privacy notice the
 * page sends them to the notice first, and the notice brings them back here afterwards.
 */
export function requireConsent(here: string): boolean {
  if (useConsentStore().given) {
    return true
  }
  uni.reLaunch({ url: '/pages/consent/index?next=' + encodeURIComponent(here) })
  return false
}
