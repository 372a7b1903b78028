/** The text of a uni input or textarea event: uni puts it in event.detail.value on every platform. */
export function inputValue(e: Event | { detail?: { value?: unknown } }): string {
  const detail = (e as { detail?: { value?: unknown } }).detail
  return detail && detail.value !== undefined ? String(detail.value) : ''
}
