import { request } from './http'

export interface Region {
  code: string
  name: string
}

const cache = new Map<string, Region[]>()

/** Provinces without a parent; otherwise the parent's cities or counties (GB/T 2260). */
export async function regions(parent: string | null): Promise<Region[]> {
  const key = parent ?? ''
  const kept = cache.get(key)
  if (kept) {
    return kept
  }
  const reply = await request<{ code: string; name: string }[]>(
    '/api/v1/regions' + (parent ? `?parent=${encodeURIComponent(parent)}` : ''))
  // "市辖区" is a statistical placeholder, not a place anyone lives in
  const list = reply.data.filter((r) => r.name !== '市辖区').map((r) => ({ code: r.code, name: r.name }))
  cache.set(key, list)
  return list
}
