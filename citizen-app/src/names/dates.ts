/** A server instant as the citizen reads it, in China's time: 2026年12月6日 14:05. */
export function shownTime(iso: string | null | undefined): string {
  if (!iso) {
    return ''
  }
  const t = new Date(Date.parse(iso) + 8 * 3600_000)
  if (Number.isNaN(t.getTime())) {
    return ''
  }
  const two = (n: number) => String(n).padStart(2, '0')
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`
}
