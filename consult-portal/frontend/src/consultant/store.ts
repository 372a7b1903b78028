import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api, ok, type Schemas } from '@/api/client'

export type Me = Schemas['Me']
export type PoolItem = Schemas['PoolItem']
export type ClaimedQuestion = Schemas['ClaimedQuestion']
export type PointsLine = Schemas['PointsLine']
export type AnsweredView = Schemas['AnsweredView']

/** The consultant's certification lets them work in the pool: approved and not past its date. */
export function mayWork(me: Me | null): boolean {
  if (!me || me.status !== 'CERTIFIED') return false
  return !me.validUntil || me.validUntil >= today()
}

function today(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
}

/**
 * The volunteer's day: their certification, the pool of their fields, the questions they hold (with
 * the claim's expiry), their answers and points. Every call goes through the JSON API.
 */
export const useConsultant = defineStore('consultant', () => {
  const me = ref<Me | null>(null)
  const pool = ref<PoolItem[]>([])
  const held = ref<ClaimedQuestion[]>([])
  const points = ref<PointsLine[]>([])
  const answers = ref<AnsweredView[]>([])

  async function loadMe() {
    me.value = await ok(api.GET('/api/v1/consultant/me'))
    return me.value
  }

  async function loadPool(category?: string) {
    const query = category ? { category } : {}
    const [items, numbers] = await Promise.all([
      ok(api.GET('/api/v1/consultant/pool', { params: { query } })),
      ok(api.GET('/api/v1/consultant/claims')),
    ])
    pool.value = items
    // a handful at most: each one's expiry and follow-ups come with the question itself
    held.value = await Promise.all(numbers.map((n) => question(n)))
  }

  function question(number: string): Promise<ClaimedQuestion> {
    return ok(api.GET('/api/v1/consultant/claims/{number}', { params: { path: { number } } }))
  }

  async function claim(number: string) {
    return ok(api.POST('/api/v1/consultant/pool/{number}/claim', { params: { path: { number } } }))
  }

  async function release(number: string) {
    const done = await ok(api.POST('/api/v1/consultant/pool/{number}/release', { params: { path: { number } } }))
    held.value = held.value.filter((q) => q.number !== number)
    return done
  }

  async function answer(number: string, text: string, citedArticles: string[]) {
    return ok(api.POST('/api/v1/consultant/pool/{number}/answer', {
      params: { path: { number } }, body: { text, citedArticles },
    }))
  }

  async function loadPoints() {
    const [lines, answered] = await Promise.all([
      ok(api.GET('/api/v1/consultant/points')),
      // answers need a valid certification; an expired consultant still sees their ledger
      ok(api.GET('/api/v1/consultant/answers')).catch(() => [] as AnsweredView[]),
    ])
    points.value = lines
    answers.value = answered
  }

  return { me, pool, held, points, answers, loadMe, loadPool, question, claim, release, answer, loadPoints }
})
