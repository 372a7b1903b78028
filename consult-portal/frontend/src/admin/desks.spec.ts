import { describe, expect, it } from 'vitest'
import { checkDesk, queuesTakenAway, removalQuestion, visibleDesks, type DeskRow } from './desks'

const row = (state: string, queues: string[], memberInterface = 'PJSIP/1001'): DeskRow => ({
  username: 'duty-lawyer', displayName: '值班律师',
  desk: { memberInterface, state, queues: queues.map((q) => ({ queue: q, name: q === 'legal-aid' ? '法律援助队列' : '法律咨询队列' })) },
})

describe('desk administration', () => {
  it('checks the interface and that a queue is chosen', () => {
    expect(checkDesk({ memberInterface: '1001', queues: [] })).toEqual({
      memberInterface: '坐席分机接口格式不正确，例如 PJSIP/1001', queues: '请至少选择一个队列' })
    expect(checkDesk({ memberInterface: ' PJSIP/1001 ', queues: ['legal-aid'] })).toEqual({})
  })

  it('names the queues a change takes away from someone in the queues, and asks first', () => {
    const online = row('READY', ['legal-consultation', 'legal-aid'])
    expect(queuesTakenAway(online, { memberInterface: 'PJSIP/1001', queues: ['legal-consultation'] })).toEqual(['法律援助队列'])
    expect(queuesTakenAway(online, { memberInterface: 'PJSIP/1002', queues: ['legal-consultation'] }))
      .toEqual(['法律咨询队列', '法律援助队列'])
    expect(removalQuestion(online, { memberInterface: 'PJSIP/1001', queues: ['legal-consultation'] }))
      .toContain('值班律师正在队列中接听来电，保存后将立即退出：法律援助队列')
    // adding a queue, or changing a desk off the queues, asks nothing
    expect(removalQuestion(online, { memberInterface: 'PJSIP/1001', queues: ['legal-consultation', 'legal-aid', 'mediation'] })).toBe('')
    expect(removalQuestion(row('OFFLINE', ['legal-aid']), { memberInterface: 'PJSIP/1001', queues: [] })).toBe('')
  })

  it('finds people by name, username or interface', () => {
    const rows = [row('READY', ['legal-aid']), { username: 'dispatcher', displayName: '调度员', desk: null }]
    expect(visibleDesks(rows, '1001', false)).toHaveLength(1)
    expect(visibleDesks(rows, '调度', false)).toHaveLength(1)
    expect(visibleDesks(rows, '', true).map((r) => r.username)).toEqual(['duty-lawyer'])
  })
})
