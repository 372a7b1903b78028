// The wallboard's logic: the board the server sends (Wallboard.Board), its figures as shown, the wait
// that keeps growing between two updates, and the charts' data.

export interface QueueCard {
  queue: string
  queueName: string
  waiting: number | null
  longestWaitSeconds: number | null
  agentsAvailable: number | null
  agentsOnCall: number | null
  agentsPaused: number | null
  agentsOffline: number | null
  answeredToday: number
  abandonedToday: number
  answeredWithinTarget: number
  serviceLevel: number | null
}

export interface Board {
  pbx: 'OFF' | 'DOWN' | 'CONNECTED' | string
  pbxName: string
  at: string
  serviceLevelSeconds: number
  queues: QueueCard[]
}

/** Whether the live half of the board (waiting, agents) is known: only while the PBX is connected. */
export function isLive(board: Board | null): boolean {
  return board?.pbx === 'CONNECTED'
}

/**
 * The longest wait shown {@code elapsedMs} after the board was sent: a caller still waiting keeps
 * waiting, so the figure grows on screen between updates instead of standing still.
 */
export function longestWait(card: QueueCard, elapsedMs: number): number | null {
  if (card.longestWaitSeconds == null || card.waiting == null) return null
  if (card.waiting === 0) return 0
  return card.longestWaitSeconds + Math.max(0, Math.floor(elapsedMs / 1000))
}

/** 0 → "0:00", 75 → "1:15", 3725 → "1:02:05"; unknown → "—". */
export function clock(value: number | null): string {
  if (value == null) return '—'
  const h = Math.floor(value / 3600)
  const m = Math.floor((value % 3600) / 60)
  const s = String(value % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

/** 0.8333 → "83%"; no calls yet today → "—". */
export function percent(share: number | null): string {
  return share == null ? '—' : `${Math.round(share * 100)}%`
}

/** A figure of the live half: "—" while the PBX is not connected, never a misleading 0. */
export function figure(value: number | null): string {
  return value == null ? '—' : String(value)
}

/** Whether a queue needs the supervisor's eye: callers waiting and nobody free to take them. */
export function needsAttention(card: QueueCard): boolean {
  return (card.waiting ?? 0) > 0 && (card.agentsAvailable ?? 0) === 0
}

/** The totals over all queues, for the board's header. */
export function totals(board: Board) {
  const sum = (pick: (c: QueueCard) => number | null) =>
    board.queues.reduce<number | null>((acc, c) => (pick(c) == null ? acc : (acc ?? 0) + (pick(c) as number)), null)
  const answered = sum((c) => c.answeredToday) ?? 0
  const abandoned = sum((c) => c.abandonedToday) ?? 0
  const within = sum((c) => c.answeredWithinTarget) ?? 0
  return {
    waiting: sum((c) => c.waiting),
    available: sum((c) => c.agentsAvailable),
    onCall: sum((c) => c.agentsOnCall),
    paused: sum((c) => c.agentsPaused),
    answered,
    abandoned,
    serviceLevel: answered + abandoned === 0 ? null : within / (answered + abandoned),
  }
}

/** The data of the two charts: calls waiting and agents by state per queue, today's calls per queue. */
export function chartData(board: Board) {
  return {
    names: board.queues.map((c) => c.queueName),
    waiting: board.queues.map((c) => c.waiting ?? 0),
    available: board.queues.map((c) => c.agentsAvailable ?? 0),
    onCall: board.queues.map((c) => c.agentsOnCall ?? 0),
    paused: board.queues.map((c) => c.agentsPaused ?? 0),
    answered: board.queues.map((c) => c.answeredToday),
    abandoned: board.queues.map((c) => c.abandonedToday),
  }
}
