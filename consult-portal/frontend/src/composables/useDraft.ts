import { ref, watch, type Ref } from 'vue'

const PREFIX = 'law12348.workspace.draft'

/** The localStorage key of one draft: per person, per ticket, per kind (reply, note). */
export function draftKey(username: string, ticket: string, kind: string): string {
  return `${PREFIX}:${username}:${ticket}:${kind}`
}

/**
 * Text a person is typing that must survive a reload, a crash or an expired session: kept in
 * localStorage as they type, removed once sent ({@link clear}).
 */
export function useDraft(key: () => string, storage: Storage = localStorage) {
  const text: Ref<string> = ref(read(storage, key()))
  watch(key, (k) => (text.value = read(storage, k)))
  watch(text, (value) => {
    if (value) {
      storage.setItem(key(), value)
    } else {
      storage.removeItem(key())
    }
  })
  function clear() {
    text.value = ''
    storage.removeItem(key())
  }
  return { text, clear }
}

function read(storage: Storage, key: string): string {
  try {
    return storage.getItem(key) ?? ''
  } catch {
    return ''
  }
}
