import { describe, expect, it } from 'vitest'
import { bodyOf, editorField, formOf, isChanged, lawsOf, matching, publishBody } from './knowledge'

const stored = { question: '我家房子被邻居占了怎么办？', answer: '可以请求返还原物。', category: '房产物业', laws: ['《民法典》第二百三十五条'] }

describe('knowledge-base editor', () => {
  it('publishes the edits the administrator sees, not the stored revision (issue 19)', () => {
    const form = { ...formOf(stored), question: '邻居占用我家房屋，怎样要回来？' }
    expect(publishBody(form, stored)).toEqual({
      question: '邻居占用我家房屋，怎样要回来？', answer: '可以请求返还原物。', category: '房产物业',
      laws: ['《民法典》第二百三十五条'],
    })
  })

  it('publishes as stored when nothing was edited', () => {
    expect(isChanged(formOf(stored), stored)).toBe(false)
    expect(publishBody(formOf(stored), stored)).toEqual({})
  })

  it('reads citations one per line or separated as people type them', () => {
    expect(lawsOf('《民法典》第一条，《劳动法》第二条\n\n 《劳动合同法》第三十条 ')).toEqual(
      ['《民法典》第一条', '《劳动法》第二条', '《劳动合同法》第三十条'])
    expect(bodyOf({ question: ' 问 ', answer: '答', category: '', laws: '' }).laws).toEqual([])
  })

  it('puts a refused citation under the citations box', () => {
    expect(editorField('laws[1]')).toBe('laws')
    expect(editorField('answer')).toBe('answer')
    expect(editorField(undefined)).toBe('_form')
  })

  it('finds articles by question, answer or category', () => {
    expect(matching([stored, { question: '欠薪', answer: '仲裁', category: '劳动' }], '房屋')).toHaveLength(0)
    expect(matching([stored, { question: '欠薪', answer: '仲裁', category: '劳动' }], '劳动')).toHaveLength(1)
    expect(matching([stored], '返还')).toHaveLength(1)
  })
})
