import { request } from './http'

// The knowledge base's public search: answers shown while the citizen types, and "this solved my
// problem", which must send back the impression the search gave the hit.

export interface Suggestion {
  id: string
  title: string
  /** Plain text of the matched passage (the server's <em> marks removed). */
  snippet: string
  impression: string
}

export interface Article {
  question: string
  answer: string
  laws: string[]
}

export interface Statute {
  law: string
  article: string
  text: string
}

export const MAX_QUERY = 100 // KnowledgeBase.MAX_QUERY_LENGTH, in characters
export const MIN_QUERY = 4

/** The query for a question: its first 100 characters, or null while it is too short to search. */
export function queryFor(text: string): string | null {
  const q = Array.from(text.trim()).slice(0, MAX_QUERY).join('')
  return Array.from(q).length < MIN_QUERY ? null : q
}

function plain(snippet: string): string {
  // the server escapes the text and marks matches with <em>: keep the words, drop the marks
  return snippet.replace(/<\/?em>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&amp;/g, '&')
}

export async function suggest(q: string, shown = 3): Promise<Suggestion[]> {
  const reply = await request<{ id: string; type: string; title: string; snippet: string; impression: string | null }[]>(
    `/api/v1/kb/search?limit=8&q=${encodeURIComponent(q)}`)
  return reply.data.filter((h) => h.type === 'faq' && h.impression)
    .slice(0, shown)
    .map((h) => ({ id: h.id, title: h.title, snippet: plain(h.snippet ?? ''), impression: h.impression as string }))
}

export async function article(id: string): Promise<Article> {
  const reply = await request<Article>(`/api/v1/kb/articles/${encodeURIComponent(id)}`)
  return { question: reply.data.question, answer: reply.data.answer, laws: reply.data.laws ?? [] }
}

export async function deflect(hit: Suggestion, q: string): Promise<void> {
  await request<void>('/api/v1/kb/deflections', { method: 'POST',
    body: { articleId: hit.id, query: q, impression: hit.impression } })
}

export async function statute(id: string): Promise<Statute> {
  const reply = await request<Statute>(`/api/v1/kb/statutes/${encodeURIComponent(id)}`)
  return reply.data
}
