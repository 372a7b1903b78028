/** What the administrator edits of an article; citations one per line, as people write them. */
export interface ArticleForm {
  question: string
  answer: string
  category: string
  laws: string
}

export interface ArticleLike {
  question?: string
  answer?: string
  category?: string
  laws?: string[]
}

export function formOf(a: ArticleLike): ArticleForm {
  return { question: a.question ?? '', answer: a.answer ?? '', category: a.category ?? '', laws: (a.laws ?? []).join('\n') }
}

/** Citations split on lines and the separators people type (，；,;). */
export function lawsOf(text: string): string[] {
  return text.split(/[\n，,；;]/).map((s) => s.trim()).filter(Boolean)
}

export function bodyOf(form: ArticleForm) {
  return { question: form.question.trim(), answer: form.answer.trim(), category: form.category.trim(), laws: lawsOf(form.laws) }
}

/** True when the editor shows something other than the stored revision. */
export function isChanged(form: ArticleForm, article: ArticleLike): boolean {
  return JSON.stringify(bodyOf(form)) !== JSON.stringify(bodyOf(formOf(article)))
}

/**
 * The body of a publish: the editor's content whenever it differs from the stored revision, so the
 * server saves and publishes it in one step. Publishing once dropped such edits (issue 19).
 */
export function publishBody(form: ArticleForm, article: ArticleLike) {
  return isChanged(form, article) ? bodyOf(form) : {}
}

/** A problem's field as the editor names it: laws[2] is the citations box. */
export function editorField(field: string | undefined): string {
  if (!field) return '_form'
  if (field.startsWith('laws')) return 'laws'
  return ['question', 'answer', 'category'].includes(field) ? field : '_form'
}

/** Articles whose question, answer or category contain the text typed in the search box. */
export function matching<T extends ArticleLike>(articles: T[], text: string): T[] {
  const q = text.trim()
  if (!q) return articles
  return articles.filter((a) => [a.question, a.answer, a.category].some((s) => s?.includes(q)))
}
