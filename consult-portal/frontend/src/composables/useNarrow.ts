import { onBeforeUnmount, ref } from 'vue'

/** True on a phone-sized screen, where tables become cards and the menu a drawer. */
export function useNarrow(maxWidth = 768) {
  const query = window.matchMedia(`(max-width: ${maxWidth}px)`)
  const narrow = ref(query.matches)
  const update = (e: MediaQueryListEvent) => (narrow.value = e.matches)
  query.addEventListener('change', update)
  onBeforeUnmount(() => query.removeEventListener('change', update))
  return narrow
}
