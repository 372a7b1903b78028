import names from './enum-names.json'

/**
 * The Chinese name of every code the back end sends (statuses, channels, queues, roles...). The
 * API gives names where it has them (statusName, businessTypeName, typeName); these cover the rest
 * and the filter choices. EnumNamesTest (app module) checks this file against the Java enums.
 */
export type Vocabulary = keyof typeof names

export function nameOf(vocabulary: Vocabulary, code: string | null | undefined): string {
  if (!code) {
    return ''
  }
  const table = names[vocabulary] as Record<string, string>
  // an unknown code means the back end grew a value this build does not know: never show the code
  return table[code] ?? '其他'
}

/** The choices of a vocabulary, in the back end's order, for a select. */
export function choicesOf(vocabulary: Vocabulary): { value: string; label: string }[] {
  return Object.entries(names[vocabulary] as Record<string, string>).map(([value, label]) => ({ value, label }))
}

/** Who wrote a timeline entry: the citizen, the system, or a staff member's account. */
export function actorName(actor: string | null | undefined): string {
  if (actor === 'citizen') return '市民'
  if (actor === 'system' || !actor) return '系统'
  return actor
}

/**
 * A timeline text as staff read it: the routing rule's id ("，规则 R-4401-POOL"), which the back end
 * appends for administrators, is left out; the unit and the deadline before it say what matters.
 */
export function readableEntry(text: string | null | undefined): string {
  return (text ?? '').replace(/[，,]\s*规则\s*[A-Za-z0-9_-]+\s*$/, '')
}
