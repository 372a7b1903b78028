import { defineStore } from 'pinia'
import { legalAidCentres, type Centre } from '@/api/centres'
import { config } from '@/config'
import { KEYS, load, save } from '@/platform/storage'

/**
 * The region the guide starts from: the one the citizen picked for their question (a city at least),
 * else the centre's province.
 */
function startingPath(): string[] {
  const draft = load<{ regionPath?: string[] }>(KEYS.draft)
  const picked = draft?.regionPath ?? []
  return picked.length >= 2 ? picked : [config.centreProvince]
}

// Which answer is the latest asked for: a slow answer for a region left behind must not overwrite it.
let asked = 0

/** The legal-aid guide's "where to go": the region shown (kept on the device) and its centres. */
export const useCentresStore = defineStore('centres', {
  state: () => ({
    path: load<string[]>(KEYS.guideRegion) ?? startingPath(),
    centres: [] as Centre[],
    status: 'idle' as 'idle' | 'loading' | 'ready' | 'failed',
  }),
  getters: {
    region: (s) => s.path[s.path.length - 1] ?? config.centreProvince,
    anySample: (s) => s.centres.some((c) => c.sampleDetails),
  },
  actions: {
    choose(path: string[]): Promise<void> {
      this.path = path.length > 0 ? path : [config.centreProvince]
      save(KEYS.guideRegion, this.path)
      return this.load()
    },
    async load(): Promise<void> {
      const mine = ++asked
      this.status = 'loading'
      try {
        const centres = await legalAidCentres(this.region)
        if (mine === asked) {
          this.centres = centres
          this.status = 'ready'
        }
      } catch {
        if (mine === asked) {
          this.centres = []
          this.status = 'failed'
        }
      }
    },
  },
})
