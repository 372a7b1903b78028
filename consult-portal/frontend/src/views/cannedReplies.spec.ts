import { describe, expect, it } from 'vitest'
import { fillReply, matchingReplies } from './cannedReplies'

describe('canned replies', () => {
  const vars = { citizenName: '张三', ticketNumber: 'GD20261206-000001', unitName: '广州市法律援助中心' }

  it('fills in the name, the ticket number and the unit', () => {
    expect(fillReply('{{citizenName}}您好，工单{{ ticketNumber }}已由{{unitName}}受理。', vars))
      .toBe('张三您好，工单GD20261206-000001已由广州市法律援助中心受理。')
  })

  it('greets with 您好 alone when the name may not be shown, and says 您 elsewhere', () => {
    const nameless = { ...vars, citizenName: '' }
    expect(fillReply('{{citizenName}}您好，请{{citizenName}}携带材料。', nameless)).toBe('您好，请您携带材料。')
  })

  it('filters by every word typed, in title or text', () => {
    const replies = [{ title: '欠薪材料', text: '请携带劳动合同' }, { title: '离婚', text: '请携带结婚证' }]
    expect(matchingReplies(replies, '携带 合同')).toEqual([replies[0]])
    expect(matchingReplies(replies, '')).toEqual(replies)
  })
})
