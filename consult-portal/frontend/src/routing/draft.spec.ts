import { describe, expect, it } from 'vitest'
import { cellsOf, clearDraft, ERROR_CLASS, loadDraft, markCells, routingDraftKey, saveDraft } from './draft'

function table(): HTMLElement {
  const div = document.createElement('div')
  div.innerHTML = `<table><tbody>
    <tr><td data-row-id="R-1" data-col-id="Input_City">"4401"</td><td data-row-id="R-1" data-col-id="Output_Unit">"GD-1"</td></tr>
    <tr><td data-row-id="R-2" data-col-id="Input_City">"4403"</td><td data-row-id="R-2" data-col-id="Output_Unit">"GD-NOPE"</td></tr>
  </tbody></table>`
  return div
}

describe('routing draft persistence', () => {
  it('keeps the draft per person with the version it started from', () => {
    const key = routingDraftKey('admin')
    expect(saveDraft(localStorage, key, '<definitions/>', 7, new Date('2026-12-07T10:00:00Z'))).toBe(true)
    expect(loadDraft(localStorage, key)).toEqual({ xml: '<definitions/>', baseVersion: 7, savedAt: '2026-12-07T10:00:00.000Z' })
    expect(loadDraft(localStorage, routingDraftKey('someone-else'))).toBeNull()
    clearDraft(localStorage, key)
    expect(loadDraft(localStorage, key)).toBeNull()
  })

  it('ignores what is not a draft instead of failing the page', () => {
    localStorage.setItem(routingDraftKey('admin'), '{not json')
    expect(loadDraft(localStorage, routingDraftKey('admin'))).toBeNull()
    localStorage.setItem(routingDraftKey('admin'), JSON.stringify({ xml: '', baseVersion: 1 }))
    expect(loadDraft(localStorage, routingDraftKey('admin'))).toBeNull()
  })

  it('says so when the browser refuses to store it', () => {
    const full = { setItem: () => { throw new Error('QuotaExceededError') } } as unknown as Storage
    expect(saveDraft(full, 'k', '<x/>', 1)).toBe(false)
  })
})

describe('problems on the cells', () => {
  it('finds the cell of a rule and column, the whole row of a rule, nothing for the table', () => {
    const t = table()
    expect(cellsOf(t, { ruleId: 'R-2', columnId: 'Output_Unit', message: 'x' }).map((c) => c.textContent)).toEqual(['"GD-NOPE"'])
    expect(cellsOf(t, { ruleId: 'R-1', columnId: null, message: 'x' })).toHaveLength(2)
    expect(cellsOf(t, { ruleId: null, message: '业务类型「公证」没有匹配的规则' })).toHaveLength(0)
  })

  it('marks the cells with the message and clears the marks of the last check', () => {
    const t = table()
    expect(markCells(t, [{ ruleId: 'R-2', columnId: 'Output_Unit', message: '承办单位 GD-NOPE 不存在或已停用' }])).toBe(1)
    const cell = t.querySelector('[data-row-id="R-2"][data-col-id="Output_Unit"]')!
    expect(cell.classList.contains(ERROR_CLASS)).toBe(true)
    expect(cell.getAttribute('title')).toContain('不存在或已停用')
    expect(markCells(t, [{ ruleId: 'R-1', columnId: 'Input_City', message: '条件无法识别' }])).toBe(1)
    expect(cell.classList.contains(ERROR_CLASS)).toBe(false)
    expect(cell.getAttribute('title')).toBeNull()
    expect(t.querySelectorAll('.' + ERROR_CLASS)).toHaveLength(1)
  })

  it('finds ids that need escaping in a selector', () => {
    const t = document.createElement('div')
    t.innerHTML = '<table><tr><td data-row-id="R.1:a" data-col-id="Out put">x</td></tr></table>'
    expect(cellsOf(t, { ruleId: 'R.1:a', columnId: 'Out put', message: 'x' })).toHaveLength(1)
  })
})
