import { describe, expect, it } from 'vitest'
import { threadOf } from './thread'

describe('the conversation thread', () => {
  it('keeps the citizen, the replies and the internal notes apart, in order', () => {
    const thread = threadOf({
      number: 'GD20261206-000001', text: '公司拖欠工资三个月', createdAt: '2026-12-06T01:00:00Z',
      timeline: [
        { type: 'CREATED', actor: 'citizen', text: '网上提交', at: '2026-12-06T01:00:00Z' },
        { type: 'NOTE', actor: 'dispatcher', text: '请承办单位核实用人单位', at: '2026-12-06T02:00:00Z' },
        { type: 'FOLLOW_UP', actor: 'citizen', text: '请问需要带什么材料？', at: '2026-12-06T03:00:00Z' },
        { type: 'ANSWERED', actor: 'handler-gz', text: '请携带劳动合同和工资流水。', at: '2026-12-06T04:00:00Z' },
      ],
    })
    expect(thread.map((m) => [m.side, m.who, m.text])).toEqual([
      ['citizen', '市民', '公司拖欠工资三个月'],
      ['note', 'dispatcher', '请承办单位核实用人单位'],
      ['citizen', '市民', '请问需要带什么材料？'],
      ['staff', 'handler-gz', '请携带劳动合同和工资流水。'],
    ])
  })
})

describe('chart labels', () => {
  it('drop the province all cities share', async () => {
    const { shortLabels } = await import('./labels')
    expect(shortLabels(['广东省广州市', '广东省深圳市'])).toEqual(['广州市', '深圳市'])
    expect(shortLabels(['网上服务大厅', '微信小程序'])).toEqual(['网上服务大厅', '微信小程序'])
  })
})
