import { onBeforeUnmount, onMounted, ref } from 'vue'
import type { Board } from '@/views/wallboard'

const STREAM = '/api/v1/staff/wallboard/events'
const BOARD = '/api/v1/staff/wallboard'
const POLL_MS = 10_000

/**
 * The wallboard as the server pushes it (SSE, at most once a second). While the stream is down
 * (server restart, expired session, a proxy that buffers) the board is polled every 10 s and the
 * stream tried again; {@code streaming} says which one is feeding the page.
 */
export function useWallboard() {
  const board = ref<Board | null>(null)
  const receivedAt = ref(0)
  const streaming = ref(false)
  const error = ref('')
  let source: EventSource | null = null
  let poll: ReturnType<typeof setInterval> | undefined

  function accept(next: Board) {
    board.value = next
    receivedAt.value = Date.now()
    error.value = ''
  }

  async function fetchOnce() {
    try {
      const response = await fetch(BOARD, { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } })
      if (!response.ok) {
        let detail = '实时监控数据加载失败'
        try { detail = (await response.json()).detail ?? detail } catch { /* not a problem detail */ }
        throw new Error(detail)
      }
      accept(await response.json())
    } catch (e) {
      error.value = (e as Error).message || '实时监控数据加载失败'
    }
  }

  function connect() {
    source?.close()
    source = new EventSource(STREAM)
    source.addEventListener('wallboard', (e) => {
      try {
        accept(JSON.parse((e as MessageEvent).data) as Board)
      } catch {
        return
      }
      streaming.value = true
      clearInterval(poll)
      poll = undefined
    })
    source.onerror = () => {
      streaming.value = false
      if (!poll) {
        poll = setInterval(() => {
          fetchOnce()
          if (source?.readyState === EventSource.CLOSED) connect()
        }, POLL_MS)
      }
    }
  }

  onMounted(() => {
    fetchOnce()
    connect()
  })
  onBeforeUnmount(() => {
    source?.close()
    clearInterval(poll)
  })
  return { board, receivedAt, streaming, error, refresh: fetchOnce }
}
