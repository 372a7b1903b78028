// What the app keeps on the device (uni storage: localStorage on the web, the platform's storage in
// the mini-programs). Every key the app uses is listed here, so withdrawing consent can clear them all.
export const KEYS = {
  consent: 'law12348.consent',
  draft: 'law12348.draft',
  tickets: 'law12348.tickets',
  session: 'law12348.session',
  /** The region the legal-aid guide shows centres for. */
  guideRegion: 'law12348.guideRegion',
} as const

export type StorageKey = (typeof KEYS)[keyof typeof KEYS]

export function load<T>(key: StorageKey): T | null {
  try {
    const raw = uni.getStorageSync(key)
    if (raw === '' || raw === undefined || raw === null) {
      return null
    }
    return (typeof raw === 'string' ? JSON.parse(raw) : raw) as T
  } catch {
    return null // unreadable leftovers of an older version are as good as nothing
  }
}

export function save(key: StorageKey, value: unknown): void {
  uni.setStorageSync(key, JSON.stringify(value))
}

export function remove(key: StorageKey): void {
  uni.removeStorageSync(key)
}

export function removeAll(): void {
  Object.values(KEYS).forEach((k) => uni.removeStorageSync(k))
}
