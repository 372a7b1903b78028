import { describe, expect, it } from 'vitest'
import { chartData, clock, figure, isLive, longestWait, needsAttention, percent, totals, type Board,
  type QueueCard } from './wallboard'

function card(over: Partial<QueueCard>): QueueCard {
  return { queue: 'legal-consultation', queueName: '法律咨询', waiting: 0, longestWaitSeconds: 0, agentsAvailable: 2,
    agentsOnCall: 0, agentsPaused: 0, agentsOffline: 0, answeredToday: 0, abandonedToday: 0, answeredWithinTarget: 0,
    serviceLevel: null, ...over }
}

const board: Board = { pbx: 'CONNECTED', pbxName: '电话交换机已连接', at: '2026-12-08T02:00:00Z', serviceLevelSeconds: 20,
  queues: [
    card({ waiting: 2, longestWaitSeconds: 30, agentsAvailable: 0, agentsOnCall: 2, answeredToday: 3,
      abandonedToday: 1, answeredWithinTarget: 2, serviceLevel: 0.5 }),
    card({ queue: 'mediation', queueName: '人民调解', agentsAvailable: 1, agentsPaused: 1, answeredToday: 1,
      answeredWithinTarget: 1, serviceLevel: 1 }),
  ] }

describe('wallboard', () => {
  it('lets the longest wait grow between updates while callers wait', () => {
    expect(longestWait(board.queues[0], 4500)).toBe(34)
    expect(longestWait(board.queues[1], 4500)).toBe(0)
    expect(longestWait(card({ waiting: null, longestWaitSeconds: null }), 4500)).toBeNull()
  })

  it('shows waits as clocks, shares as percentages, and unknown live figures as a dash', () => {
    expect(clock(75)).toBe('1:15')
    expect(clock(3725)).toBe('1:02:05')
    expect(clock(null)).toBe('—')
    expect(percent(0.8333)).toBe('83%')
    expect(percent(null)).toBe('—')
    expect(figure(null)).toBe('—')
    expect(figure(0)).toBe('0')
  })

  it('adds up the queues, with the service level over all calls rather than an average of shares', () => {
    expect(totals(board)).toEqual({ waiting: 2, available: 1, onCall: 2, paused: 1, answered: 4, abandoned: 1,
      serviceLevel: 3 / 5 })
    const down = { ...board, pbx: 'DOWN', queues: board.queues.map((c) => ({ ...c, waiting: null, agentsAvailable: null,
      agentsOnCall: null, agentsPaused: null })) }
    expect(totals(down).waiting).toBeNull()
    expect(isLive(down)).toBe(false)
    expect(isLive(board)).toBe(true)
  })

  it('flags a queue with callers waiting and nobody free', () => {
    expect(needsAttention(board.queues[0])).toBe(true)
    expect(needsAttention(board.queues[1])).toBe(false)
  })

  it('gives the charts one value per queue, in the board order', () => {
    expect(chartData(board)).toMatchObject({ names: ['法律咨询', '人民调解'], waiting: [2, 0], paused: [0, 1],
      answered: [3, 1], abandoned: [1, 0] })
  })
})
