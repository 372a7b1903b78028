const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']
const UNITS = ['', '十', '百', '千']

/** 1079 → 一千零七十九, 10 → 十, 215 → 二百一十五: article numbers as Chinese statutes write them. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 10000) return String(n)
  const digits = String(n).split('').map(Number)
  let out = ''
  let zero = false
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i]
    if (d === 0) {
      zero = out !== ''
      return
    }
    if (zero) out += '零'
    zero = false
    out += DIGITS[d] + unit
  })
  return out.startsWith('一十') ? out.slice(1) : out
}

/**
 * What a person types to find an article ("民法典1079条", "劳动合同法 第 30 条") as the statutes
 * are written: 民法典第一千零七十九条.
 */
export function statuteQuery(typed: string): string {
  return typed.trim()
    .replace(/\s+/g, '')
    .replace(/第?(\d{1,4})条/g, (_, n: string) => `第${chineseNumber(Number(n))}条`)
}

/** "中华人民共和国民法典" + "第一千零七十九条" → "《中华人民共和国民法典》第一千零七十九条". */
export function citationOf(statute: { citation?: string; law?: string; article?: string }): string {
  if (statute.law && statute.article) return `《${statute.law.replace(/^《|》$/g, '')}》${statute.article}`
  return statute.citation ?? ''
}

/** A search snippet without its highlight markup (the server escapes the text and adds <em>). */
export function plainSnippet(snippet: string | undefined): string {
  return (snippet ?? '').replace(/<\/?em>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
}

/** Inserts text at the cursor (or the end), on a line of its own. */
export function insertAt(text: string, insert: string, at: number | null): string {
  const pos = at == null || at < 0 || at > text.length ? text.length : at
  const before = text.slice(0, pos)
  const after = text.slice(pos)
  const lead = before && !before.endsWith('\n') ? '\n' : ''
  const trail = after && !after.startsWith('\n') ? '\n' : ''
  return before + lead + insert + trail + after
}
