import { request } from './http'

/** A legal-aid centre as the guide shows it: names and words, no codes. */
export interface Centre {
  name: string
  /** The division it serves, e.g. 广东省广州市. */
  serves: string
  /** 区县级, 市级 or 省级. */
  levelName: string
  address: string | null
  phone: string | null
  openingHours: string | null
  /** The address, phone and hours are unverified demo data: the page says to check before going. */
  sampleDetails: boolean
}

/** The centres serving a region (six-digit code), its own first, then its city's and province's. */
export async function legalAidCentres(region: string): Promise<Centre[]> {
  const reply = await request<Centre[]>('/api/v1/legal-aid-centres?region=' + encodeURIComponent(region))
  return reply.data
}
