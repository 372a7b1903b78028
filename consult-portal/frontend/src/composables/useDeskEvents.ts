import { onBeforeUnmount, onMounted, ref } from 'vue'
import { parseEvent, type DeskEvent } from '@/desk/desk'

const STREAM = '/api/v1/staff/desk/events'
const RETRY_MS = 5_000

/**
 * The desk's server-sent events: the screen pop (`call`), `call-ended` and `state`. After the stream
 * broke (server restart, expired session) the page asks for the current call and state again
 * ({@link onReconnect}) and reconnects, so a pop sent meanwhile is not lost.
 */
export function useDeskEvents(onEvent: (event: DeskEvent) => void, onReconnect: () => void) {
  const connected = ref(false)
  let source: EventSource | null = null
  let retry: ReturnType<typeof setTimeout> | undefined
  let broken = false

  function connect() {
    source?.close()
    source = new EventSource(STREAM)
    source.addEventListener('ready', () => {
      connected.value = true
      if (broken) onReconnect()
      broken = false
    })
    for (const name of ['call', 'call-ended', 'state']) {
      source.addEventListener(name, (e) => {
        const event = parseEvent(name, (e as MessageEvent).data)
        if (event) onEvent(event)
      })
    }
    source.onerror = () => {
      connected.value = false
      broken = true
      if (source?.readyState === EventSource.CLOSED) {
        clearTimeout(retry)
        retry = setTimeout(connect, RETRY_MS)
      }
    }
  }

  onMounted(connect)
  onBeforeUnmount(() => {
    source?.close()
    clearTimeout(retry)
  })
  return { connected }
}
