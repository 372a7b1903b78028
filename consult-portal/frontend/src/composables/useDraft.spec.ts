import { describe, expect, it } from 'vitest'
import { nextTick, ref } from 'vue'
import { draftKey, useDraft } from './useDraft'

function memoryStorage(): Storage {
  const data = new Map<string, string>()
  return {
    get length() { return data.size },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  }
}

describe('drafts', () => {
  it('survive a reload: a new page finds what was typed, per person and ticket', async () => {
    const storage = memoryStorage()
    const first = useDraft(() => draftKey('dispatcher', 'GD20261206-000001', 'note'), storage)
    first.text.value = '已电话联系市民，约定明天补交材料'
    await nextTick()

    const afterReload = useDraft(() => draftKey('dispatcher', 'GD20261206-000001', 'note'), storage)
    expect(afterReload.text.value).toBe('已电话联系市民，约定明天补交材料')
    expect(useDraft(() => draftKey('admin', 'GD20261206-000001', 'note'), storage).text.value).toBe('')
    expect(useDraft(() => draftKey('dispatcher', 'GD20261206-000002', 'note'), storage).text.value).toBe('')
  })

  it('are removed once sent', async () => {
    const storage = memoryStorage()
    const draft = useDraft(() => draftKey('dispatcher', 'GD20261206-000001', 'reply'), storage)
    draft.text.value = '您好，您的问题已转法律援助中心办理。'
    await nextTick()
    draft.clear()
    await nextTick()
    expect(storage.length).toBe(0)
  })

  it('follow the ticket when the page moves to another one', async () => {
    const storage = memoryStorage()
    storage.setItem(draftKey('dispatcher', 'B', 'reply'), '第二张工单的草稿')
    const ticket = ref('A')
    const draft = useDraft(() => draftKey('dispatcher', ticket.value, 'reply'), storage)
    expect(draft.text.value).toBe('')
    ticket.value = 'B'
    await nextTick()
    expect(draft.text.value).toBe('第二张工单的草稿')
  })
})
