import { onBeforeUnmount, onMounted, ref } from 'vue'

/** What the console's event stream sends for each ticket event (LiveUpdates.LiveEvent on the server). */
export interface LiveEvent {
  type: 'CREATED' | 'ESCALATED' | 'HANDED_OVER' | string
  number: string
  handlingUnit: string
  message: string
}

const STREAM = '/api/v1/staff/events'
const FALLBACK_MS = 30_000

/**
 * The console's server-sent events: new tickets, escalations and hand-overs as they happen (a unit
 * handler gets their unit's). While the stream is down (server restart, expired session) the page
 * polls every 30 s and tries the stream again.
 */
export function useLiveUpdates(onEvent: (event: LiveEvent) => void, onPoll: () => void) {
  const connected = ref(false)
  let source: EventSource | null = null
  let retry: ReturnType<typeof setTimeout> | undefined
  let poll: ReturnType<typeof setInterval> | undefined
  let pending: ReturnType<typeof setTimeout> | undefined
  let last: LiveEvent | null = null

  function connect() {
    source?.close()
    source = new EventSource(STREAM)
    source.addEventListener('ready', () => {
      connected.value = true
      stopPolling()
    })
    source.addEventListener('ticket', (e) => {
      try {
        last = JSON.parse((e as MessageEvent).data) as LiveEvent
      } catch {
        return
      }
      // a burst of events (a storm of hand-overs) refreshes the list once
      clearTimeout(pending)
      const event = last
      pending = setTimeout(() => onEvent(event), 150)
    })
    source.onerror = () => {
      connected.value = false
      startPolling()
      if (source?.readyState === EventSource.CLOSED) {
        clearTimeout(retry)
        retry = setTimeout(connect, FALLBACK_MS)
      }
    }
  }

  function startPolling() {
    poll ??= setInterval(onPoll, FALLBACK_MS)
  }

  function stopPolling() {
    clearInterval(poll)
    poll = undefined
  }

  onMounted(connect)
  onBeforeUnmount(() => {
    source?.close()
    clearTimeout(retry)
    clearTimeout(pending)
    stopPolling()
  })
  return { connected }
}
