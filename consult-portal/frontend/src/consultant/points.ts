/** What each kind of ledger line means, in the consultant's words (keyed by the API's reason). */
const EXPLAINED: Record<string, string> = {
  ANSWER: '答复问题的基础分：问题办结（市民确认解决，或答复期满自动办结）或复核维持后计入',
  FAST_ANSWER_BONUS: '快速答复奖励：在提问后的规定时间内给出了首次答复',
  HIGH_RATING_BONUS: '好评奖励：市民为答复打了4分或5分',
  ACCEPTED_BONUS: '问题解决奖励：市民确认答复解决了问题',
  REVIEW_REVERSAL: '复核不通过：扣回该答复此前获得的积分',
}

export function explainPoints(reason: string | undefined): string {
  return (reason && EXPLAINED[reason]) || '积分调整'
}

export function signed(points: number | undefined): string {
  const n = points ?? 0
  return n > 0 ? `+${n}` : String(n)
}
