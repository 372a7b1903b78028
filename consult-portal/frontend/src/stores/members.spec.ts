import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useMembers } from './members'

describe('the members store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('names people, never showing an account name', () => {
    const store = useMembers()
    store.members = [{ username: 'handler-gz', displayName: '广州市法律援助中心承办人', role: 'UNIT_HANDLER', unitCode: 'GD-4401-LEGAL-AID' }]
    expect(store.nameOf('handler-gz')).toBe('广州市法律援助中心承办人')
    expect(store.nameOf('consultant-li')).toBe('其他人员')
    expect(store.nameOf(null)).toBe('')
  })

  it('offers a unit\'s handlers and the centre\'s staff for a ticket of that unit', () => {
    const store = useMembers()
    store.members = [
      { username: 'handler-gz', displayName: '广州', role: 'UNIT_HANDLER', unitCode: 'GD-4401-LEGAL-AID' },
      { username: 'handler-sz', displayName: '深圳', role: 'UNIT_HANDLER', unitCode: 'GD-4403-LEGAL-AID' },
      { username: 'dispatcher', displayName: '调度员', role: 'DISPATCHER' },
    ]
    expect(store.assignableFor(['GD-4401-LEGAL-AID']).map((m) => m.username)).toEqual(['handler-gz', 'dispatcher'])
    expect(store.assignableFor(['GD-4401-LEGAL-AID', 'GD-4403-LEGAL-AID'])).toHaveLength(3)
  })
})
