/** What a canned reply's placeholders become for one ticket. */
export interface ReplyVariables {
  /** Empty when the citizen left no name or this person may not see it. */
  citizenName: string
  ticketNumber: string
  unitName: string
}

/**
 * A canned reply with its placeholders filled in. Without a name the citizen is addressed as 您, so
 * "{{citizenName}}您好" never greets an empty string or a placeholder.
 */
export function fillReply(template: string, vars: ReplyVariables): string {
  const values: Record<string, string> = {
    citizenName: vars.citizenName.trim() || '您',
    ticketNumber: vars.ticketNumber,
    unitName: vars.unitName,
  }
  return template
    .replace(/\{\{\s*citizenName\s*\}\}\s*您好/g, vars.citizenName.trim() ? `${vars.citizenName.trim()}您好` : '您好')
    .replace(/\{\{\s*(citizenName|ticketNumber|unitName)\s*\}\}/g, (_, name: string) => values[name])
}

/** Replies whose title or text contain every word typed (any order), for the picker's filter. */
export function matchingReplies<T extends { title?: string; text?: string }>(replies: T[], typed: string): T[] {
  const words = typed.trim().toLowerCase().split(/\s+/).filter(Boolean)
  return replies.filter((r) => {
    const haystack = `${r.title ?? ''}\n${r.text ?? ''}`.toLowerCase()
    return words.every((w) => haystack.includes(w))
  })
}
