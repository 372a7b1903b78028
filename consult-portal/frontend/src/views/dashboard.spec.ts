import { describe, expect, it } from 'vitest'
import { COLUMNS, duration, percent, ratePoint, type Figures } from './dashboard'

describe('the dashboard figures', () => {
  it('are formatted as the exports format them', () => {
    expect(percent(0.41666)).toBe('41.7%')
    expect(percent(null)).toBe('暂无数据')
    expect(duration(1799)).toBe('29分钟')
    expect(duration(5400)).toBe('1.5小时')
    expect(duration(undefined)).toBe('暂无数据')
    expect(ratePoint(0.41666)).toBe(41.7)
    expect(ratePoint(null)).toBeNull()
  })

  it('give one cell per column, in the export order', () => {
    const row: Figures = { key: 'WEB', label: '网上服务大厅', received: 7, answered: 3, answeredRate: 3 / 7,
      medianResponseSeconds: 1500, p90ResponseSeconds: 6000, handedOver: 0, deadlineCompliance: 1, satisfaction: undefined }
    expect(COLUMNS.map((c) => c.cell(row))).toEqual(['7', '3', '42.9%', '25分钟', '1.7小时', '0', '100.0%', '暂无数据'])
  })
})
