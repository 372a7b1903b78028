import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api, ok, type Schemas } from '@/api/client'

export type Member = Schemas['MemberView']

/** The people tickets can be assigned to (a handler's unit, or everyone for dispatchers): loaded once. */
export const useMembers = defineStore('members', () => {
  const members = ref<Member[]>([])
  let loading: Promise<void> | null = null

  function load(): Promise<void> {
    loading ??= ok(api.GET('/api/v1/staff/members')).then((m) => {
      members.value = m
    }).catch((e) => {
      loading = null
      throw e
    })
    return loading
  }

  /** A person's name as staff read it; never the account name on screen. */
  function nameOf(username: string | null | undefined): string {
    if (!username) return ''
    return members.value.find((m) => m.username === username)?.displayName ?? '其他人员'
  }

  /** Who may take tickets of these units: their handlers, and the centre's dispatchers and admins. */
  function assignableFor(unitCodes: (string | null | undefined)[]): Member[] {
    return members.value.filter((m) => m.role !== 'UNIT_HANDLER' || unitCodes.includes(m.unitCode))
  }

  return { members, load, nameOf, assignableFor }
})
