/** 广东省广州市, 广东省深圳市 → 广州市, 深圳市: the shared province says nothing on a narrow chart. */
export function shortLabels(labels: string[]): string[] {
  const province = /^(.+?(省|自治区|市))(.+)$/.exec(labels[0] ?? '')?.[1]
  if (!province || labels.length < 2 || !labels.every((l) => l.startsWith(province) && l.length > province.length)) {
    return labels
  }
  return labels.map((l) => l.slice(province.length))
}
