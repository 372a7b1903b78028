import { describe, expect, it } from 'vitest'
import { checkMerge } from './merge'

describe('the merge dialog\'s check', () => {
  it('takes a number in any case and a reason', () => {
    expect(checkMerge('GD20261206-000001', ' gd20261206-000012 ', ' 同一市民重复提交 ')).toEqual({
      request: { target: 'GD20261206-000012', reason: '同一市民重复提交' }, targetError: '', reasonError: '',
    })
  })

  it('says what is wrong with each field, in Chinese', () => {
    const check = checkMerge('GD20261206-000001', 'GD2026', '重')
    expect(check.request).toBeNull()
    expect(check.targetError).toContain('请填写正确的工单编号')
    expect(check.reasonError).toContain('至少2个字')
    expect(checkMerge('GD20261206-000001', 'gd20261206-000001', '重复提交').targetError).toBe('不能把工单合并到它自己')
  })
})
