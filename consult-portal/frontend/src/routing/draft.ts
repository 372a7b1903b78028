/**
 * The routing table draft an administrator edits: kept in localStorage per person as they edit, so a
 * reload, a crash or an expired session loses nothing (the server keeps no draft), and removed once
 * deployed or discarded. It remembers the version it was started from, so the page can say when
 * someone else has deployed since.
 */
export interface RoutingDraft {
  xml: string
  baseVersion: number
  savedAt: string
}

const PREFIX = 'law12348.workspace.routing-draft'

export function routingDraftKey(username: string): string {
  return `${PREFIX}:${username}`
}

export function loadDraft(storage: Storage, key: string): RoutingDraft | null {
  try {
    const raw = storage.getItem(key)
    if (!raw) return null
    const draft = JSON.parse(raw) as Partial<RoutingDraft>
    if (typeof draft.xml !== 'string' || !draft.xml || typeof draft.baseVersion !== 'number') return null
    return { xml: draft.xml, baseVersion: draft.baseVersion, savedAt: String(draft.savedAt ?? '') }
  } catch {
    return null
  }
}

/** Saves the draft; false when the browser refuses (storage full or disabled), so the page can warn. */
export function saveDraft(storage: Storage, key: string, xml: string, baseVersion: number, now = new Date()): boolean {
  try {
    storage.setItem(key, JSON.stringify({ xml, baseVersion, savedAt: now.toISOString() }))
    return true
  } catch {
    return false
  }
}

export function clearDraft(storage: Storage, key: string) {
  try {
    storage.removeItem(key)
  } catch {
    // nothing stored, nothing to clear
  }
}

/** A problem of a draft as the server reports it (DraftReport.Problem). */
export interface CellProblem {
  ruleId?: string | null
  ruleIndex?: number | null
  columnId?: string | null
  columnLabel?: string | null
  message: string
}

export const ERROR_CLASS = 'routing-cell-error'

/**
 * The cells of the decision table editor a problem is about: dmn-js marks each body cell with its
 * rule's id (data-row-id) and its column's id (data-col-id). A problem of a whole rule marks the
 * rule's row; one of the whole table marks nothing (it is only listed).
 */
export function cellsOf(container: ParentNode, problem: CellProblem): Element[] {
  if (!problem.ruleId) return []
  const row = `[data-row-id="${cssEscape(problem.ruleId)}"]`
  const selector = problem.columnId ? `td${row}[data-col-id="${cssEscape(problem.columnId)}"]` : `td${row}`
  return Array.from(container.querySelectorAll(selector))
}

/** Marks every cell a problem is about (and unmarks the rest); the cell's title says what is wrong. */
export function markCells(container: ParentNode, problems: CellProblem[]): number {
  container.querySelectorAll('.' + ERROR_CLASS).forEach((el) => {
    el.classList.remove(ERROR_CLASS)
    el.removeAttribute('title')
  })
  let marked = 0
  for (const problem of problems) {
    for (const cell of cellsOf(container, problem)) {
      cell.classList.add(ERROR_CLASS)
      const before = cell.getAttribute('title')
      cell.setAttribute('title', before ? before + '\n' + problem.message : problem.message)
      marked++
    }
  }
  return marked
}

function cssEscape(value: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(value) : value.replace(/["\\]/g, '\\$&')
}
