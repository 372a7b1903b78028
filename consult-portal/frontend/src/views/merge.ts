/** A ticket number as people type it: any case, spaces around it. */
const TICKET_NUMBER = /^[A-Z]{2}\d{8}-\d{6}$/

export interface MergeRequest {
  target: string
  reason: string
}

export interface MergeCheck {
  request: MergeRequest | null
  targetError: string
  reasonError: string
}

/**
 * What the merge dialog sends, or why it cannot yet: the same rules the server applies (a
 * well-formed number other than this ticket's, a reason of 2 characters or more), checked before the
 * dispatcher is asked to confirm.
 */
export function checkMerge(number: string, target: string, reason: string): MergeCheck {
  const wanted = target.trim().toUpperCase()
  const why = reason.trim()
  const targetError = !TICKET_NUMBER.test(wanted) ? '请填写正确的工单编号，例如 GD20261206-000012'
    : wanted === number.toUpperCase() ? '不能把工单合并到它自己' : ''
  const reasonError = Array.from(why).length < 2 ? '请填写合并理由（至少2个字）' : ''
  return {
    request: targetError || reasonError ? null : { target: wanted, reason: why },
    targetError,
    reasonError,
  }
}
