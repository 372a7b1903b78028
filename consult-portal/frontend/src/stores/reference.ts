import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api, ok, type Schemas } from '@/api/client'

export type Unit = Schemas['UnitView']
export type Region = Schemas['RegionView']
export type BusinessType = Schemas['BusinessTypeView']

/** Units, business types and divisions: loaded once per page load, shared by every view. */
export const useReference = defineStore('reference', () => {
  const units = ref<Unit[]>([])
  const businessTypes = ref<BusinessType[]>([])
  const regionChildren = new Map<string, Promise<Region[]>>()
  let loading: Promise<void> | null = null

  function load(): Promise<void> {
    loading ??= Promise.all([
      ok(api.GET('/api/v1/staff/units')).then((u) => (units.value = u)),
      ok(api.GET('/api/v1/business-types')).then((b) => (businessTypes.value = b)),
    ]).then(() => undefined).catch((e) => {
      loading = null
      throw e
    })
    return loading
  }

  function unitName(code: string | null | undefined): string {
    if (!code) return ''
    return units.value.find((u) => u.code === code)?.name ?? '（已停用的单位）'
  }

  /** Provinces (no parent), or the cities or counties of a division. */
  function regions(parent?: string): Promise<Region[]> {
    const key = parent ?? ''
    let found = regionChildren.get(key)
    if (!found) {
      found = ok(api.GET('/api/v1/regions', { params: { query: parent ? { parent } : {} } }))
      found.catch(() => regionChildren.delete(key))
      regionChildren.set(key, found)
    }
    return found
  }

  /**
   * The province the person works in: a unit handler's unit's, otherwise the provincial 12348
   * centre's (the queue's region filter starts there).
   */
  function homeProvince(unitCode: string | null | undefined): string | undefined {
    const own = units.value.find((u) => u.code === unitCode)
    const centre = own ?? units.value.find((u) => u.type === 'PROVINCIAL_CENTER')
    return centre?.regionCode ? centre.regionCode.substring(0, 2) + '0000' : undefined
  }

  return { units, businessTypes, load, unitName, regions, homeProvince }
})
